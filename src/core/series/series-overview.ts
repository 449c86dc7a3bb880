/**
 * A whole recording at a glance: every server's frames cut into `slices` equal stretches of
 * time, each cell the worst the server did in its slice (the largest p95; down beats any
 * latency, any latency beats idle). One pass over the store's columns, so the overview of
 * a two-hour review is worked out in the time of a repaint.
 */
import type { SeriesStore, ServerSeries } from './series-store';

/** a cell with no sample in its slice */
export const OVERVIEW_EMPTY = -Infinity;
/** sampled, but no latency: no requests, or none measured */
export const OVERVIEW_IDLE = -1;
/** down in at least one frame of the slice */
export const OVERVIEW_DOWN = Infinity;

/** Servers x slices over [from, to]; a cell is a p95 in ms or one of the OVERVIEW_ marks. */
export interface SeriesOverview {
  from: number;
  to: number;
  slices: number;
  /** server ids, one row each, in the store's order */
  servers: readonly string[];
  /** row-major: the cell of server r in slice s is at r * slices + s */
  cells: Float32Array;
}

/**
 * The slice a time falls in: [from, to] cut into `slices` equal parts, `to` in the last;
 * -1 outside. A span of one instant is all slice 0.
 */
export function sliceOfTime(t: number, from: number, to: number, slices: number): number {
  if (!(t >= from && t <= to)) return -1;
  if (to === from) return 0;
  return Math.min(slices - 1, Math.floor(((t - from) / (to - from)) * slices));
}

/**
 * The overview of the frames `store` holds between `from` and `to` (both included), in
 * `slices` slices (at least one).
 */
export function overviewOfSeries(
  store: SeriesStore,
  from: number,
  to: number,
  slices: number,
): SeriesOverview {
  const n = Math.max(1, Math.floor(slices));
  const servers = store.servers;
  const cells = new Float32Array(servers.length * n).fill(OVERVIEW_EMPTY);
  // each frame's slot and slice, worked out once for every server
  let first = store.countAtOrBefore(from);
  while (first > 0 && store.times[store.slot(first - 1)]! >= from) first--;
  const last = store.countAtOrBefore(to);
  const slots = new Int32Array(Math.max(0, last - first));
  const sliceOf = new Int32Array(slots.length);
  let kept = 0;
  for (let i = first; i < last; i++) {
    const slot = store.slot(i);
    const slice = sliceOfTime(store.times[slot]!, from, to, n);
    if (slice < 0) continue;
    slots[kept] = slot;
    sliceOf[kept++] = slice;
  }
  for (let r = 0; r < servers.length; r++) {
    fillRow(servers[r]!, slots, sliceOf, kept, cells.subarray(r * n, (r + 1) * n));
  }
  return { from, to, slices: n, servers: servers.map((s) => s.id), cells };
}

/**
 * One server's row: the worst sample of each slice, the frames given as their slots and
 * slices in time order, so a run of frames fills one slice and its worst is written once.
 */
function fillRow(
  { requests, p95, up }: ServerSeries,
  slots: Int32Array,
  sliceOf: Int32Array,
  kept: number,
  row: Float32Array,
): void {
  let k = 0;
  while (k < kept) {
    const slice = sliceOf[k]!;
    let worst = OVERVIEW_EMPTY;
    for (; k < kept && sliceOf[k] === slice; k++) {
      const slot = slots[k]!;
      // as the heatmap colours a sample: down, no sample, idle, else its p95 (written out
      // here rather than called: this runs for every sample of the recording)
      let value: number;
      if (up[slot] === 0) value = OVERVIEW_DOWN;
      else {
        const served = requests[slot]!;
        if (served !== served) continue;
        const latency = p95[slot]!;
        value = served === 0 || latency !== latency ? OVERVIEW_IDLE : latency;
      }
      if (value > worst) worst = value;
    }
    row[slice] = worst;
  }
}
