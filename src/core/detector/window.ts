/**
 * The last few frames of a series store, summed per server and grouped by pool: the counts
 * every rule reads, and the shares the bars and `/metrics` show. It reads the store's columns
 * in place, so the detector and the views sum one copy of the frames, not one each.
 * Shares are tested over a window rather than one frame so a quiet pool has enough requests.
 */
import type { SeriesStore, ServerSeries } from '../series/series-store';

/** Servers with no `pool` share this one. */
export const DEFAULT_POOL = '';

/**
 * Whether a frame at `t` lies in the window of `windowMs` that ends at `endT`: the one window
 * the detector, the share bars and `/metrics` all take shares over.
 */
export const withinWindow = (t: number, endT: number, windowMs: number): boolean =>
  t > endT - windowMs && t <= endT;

/** One server over the window. */
export interface ServerWindow {
  id: string;
  pool: string;
  /** health in the latest frame that reported it */
  up: boolean;
  /** weight in the latest frame that reported it */
  weight: number;
  /** reported in the latest frame */
  present: boolean;
  requests: number;
  errors: number;
  /** requests its weight entitles it to, over the frames it was up */
  expected: number;
  /** request-weighted mean of its frames' p95: percentiles do not add, this is a fair summary */
  p95: number | null;
}

/** One pool over the window. */
export interface PoolWindow {
  pool: string;
  /** requests to the pool's servers that were up */
  requests: number;
  /** in the order they were first seen */
  servers: ServerWindow[];
}

/** A server's columns, and the pool the window counts it in. */
export interface WindowMember {
  series: ServerSeries;
  pool: string;
}

/** Positions [from, to) of the frames a store holds (0 = oldest): one window of them. */
export interface FrameSpan {
  from: number;
  to: number;
}

/** The held frames that lie in the window of `windowMs` up to the newest at or before `endT`. */
export function windowSpan(store: SeriesStore, windowMs: number, endT = Infinity): FrameSpan {
  return windowSpanTo(store, windowMs, store.countAtOrBefore(endT));
}

/** The window of `windowMs` whose newest frame is the held frame at position `to - 1`. */
export function windowSpanTo(store: SeriesStore, windowMs: number, to: number): FrameSpan {
  if (to === 0) return { from: 0, to: 0 };
  const newestT = store.times[store.slot(to - 1)]!;
  // withinWindow: t > newestT - windowMs
  return { from: Math.min(to, store.countAtOrBefore(newestT - windowMs)), to };
}

/**
 * Sums the frames of `span` per server and pool, as if frame by frame, oldest first, each
 * frame's servers in `members`' order (a slot whose requests are NaN holds no sample of that
 * server): every sum adds its terms in that order, so the figures do not depend on how the
 * loops run. They run server by server down each column, which keeps reads sequential.
 */
export function poolWindows(
  store: SeriesStore,
  members: readonly WindowMember[],
  span: FrameSpan,
): PoolWindow[] {
  const n = members.length;
  const frames = Math.max(0, span.to - span.from);
  const slots = new Int32Array(frames);
  for (let k = 0; k < frames; k++) slots[k] = store.slot(span.from + k);
  // each member's pool as an index into the per-frame sums
  const poolIndex = new Int32Array(n);
  const poolNames = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const pool = members[i]!.pool;
    let index = poolNames.get(pool);
    if (index === undefined) poolNames.set(pool, (index = poolNames.size));
    poolIndex[i] = index;
  }
  const poolCount = poolNames.size;
  // per frame and pool (k * poolCount + p): requests and weights of the servers that were up;
  // a down server is server-down's business: its requests and weight stay out of the shares
  const total = new Float64Array(frames * poolCount);
  const weights = new Float64Array(frames * poolCount);
  // the frame each member is first sampled in (frames = never)
  const first = new Int32Array(n).fill(frames);
  for (let i = 0; i < n; i++) {
    const s = members[i]!.series;
    const p = poolIndex[i]!;
    for (let k = 0; k < frames; k++) {
      const slot = slots[k]!;
      const requests = s.requests[slot]!;
      if (requests !== requests) continue;
      if (first[i] === frames) first[i] = k;
      if (s.up[slot] !== 1) continue;
      const at = k * poolCount + p;
      total[at] = total[at]! + requests;
      weights[at] = weights[at]! + s.weights[slot]!;
    }
  }

  // servers and pools in the order first seen: by first frame, then by member order
  const seen: number[] = [];
  for (let i = 0; i < n; i++) if (first[i]! < frames) seen.push(i);
  seen.sort((a, b) => first[a]! - first[b]! || a - b);
  const pools = new Map<string, PoolWindow>();
  const latest = frames > 0 ? slots[frames - 1]! : -1;
  for (const i of seen) {
    const member = members[i]!;
    const p = poolIndex[i]!;
    let window = pools.get(member.pool);
    if (!window) {
      // a pool with no sample in a frame adds 0 for it: as if it had no group in it
      let requests = 0;
      for (let k = first[i]!; k < frames; k++) requests += total[k * poolCount + p]!;
      window = { pool: member.pool, requests, servers: [] };
      pools.set(member.pool, window);
    }
    window.servers.push(
      serverWindow(member, p, first[i]!, slots, latest, total, weights, poolCount),
    );
  }
  return [...pools.values()];
}

/** One member's sums over the frames from `from` on (it has no sample before). */
function serverWindow(
  member: WindowMember,
  p: number,
  from: number,
  slots: Int32Array,
  latest: number,
  total: Float64Array,
  weights: Float64Array,
  poolCount: number,
): ServerWindow {
  const s = member.series;
  const sum = empty(s.id, member.pool);
  let p95Sum = 0;
  for (let k = from; k < slots.length; k++) {
    const slot = slots[k]!;
    const requests = s.requests[slot]!;
    if (requests !== requests) continue;
    const up = s.up[slot] === 1;
    const weight = s.weights[slot]!;
    sum.up = up;
    sum.weight = weight;
    sum.requests += requests;
    sum.errors += s.errors[slot]!;
    const p95 = s.p95[slot]!;
    if (p95 === p95) p95Sum += p95 * requests;
    if (up) {
      const at = k * poolCount + p;
      // all weights zero says nothing about shares: count such a frame as on target
      sum.expected += weights[at]! > 0 ? (total[at]! * weight) / weights[at]! : requests;
    }
  }
  const last = latest >= 0 ? s.requests[latest]! : NaN;
  sum.present = last === last;
  sum.p95 = sum.requests > 0 ? p95Sum / sum.requests : null;
  return sum;
}

const empty = (id: string, pool: string): ServerWindow => ({
  id,
  pool,
  up: true,
  weight: 0,
  present: false,
  requests: 0,
  errors: 0,
  expected: 0,
  p95: null,
});
