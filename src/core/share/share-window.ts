/**
 * The shares the page and `/metrics` show: the frames of a series store that lie in the
 * detector's window, summed per pool as the detector sums them, through the one share
 * computation (poolShares).
 */
import { DEFAULT_POOL, poolWindows, withinWindow, type FrameRecord } from '../detector/window';
import { poolShares, type PoolShare } from './pool-shares';
import type { SeriesStore } from '../series/series-store';

/** One row of the share bars: a server's share of its pool, with its latency beside it. */
export interface ServerShare extends PoolShare {
  label: string;
  /** request-weighted mean p95 over the window, ms; NaN with no requests */
  p95: number;
  /** errors / requests over the window; 0 with no requests */
  errorRate: number;
}

/** The shares over one window, and which frames it covers. */
export interface ShareWindow {
  windowMs: number;
  /** t and seq of the newest frame in the window; NaN and -1 when the store holds none */
  endT: number;
  endSeq: number;
  /** grouped by pool, pools and servers in the order first seen */
  shares: ServerShare[];
}

/** The shares over the `windowMs` up to the newest frame at or before `endT`. */
export function shareWindow(store: SeriesStore, windowMs: number, endT = Infinity): ShareWindow {
  const end = store.countAtOrBefore(endT);
  const newest = end > 0 ? store.slot(end - 1) : -1;
  const t = newest < 0 ? NaN : store.times[newest]!;
  // the same frames as the last call (the bars and the heatmap's fold read one window): the
  // same answer, shared, so treat it as read-only
  const key = [
    windowMs,
    t,
    newest < 0 ? -1 : store.seqs[newest]!,
    store.framesEpoch,
    store.serverListVersion,
  ].join(' ');
  const last = lastWindows.get(store);
  if (last?.key === key) return last.window;
  const window = takeWindow(store, windowMs, end, newest, t);
  lastWindows.set(store, { key, window });
  return window;
}

const lastWindows = new WeakMap<SeriesStore, { key: string; window: ShareWindow }>();

function takeWindow(
  store: SeriesStore,
  windowMs: number,
  end: number,
  newest: number,
  t: number,
): ShareWindow {
  const records = newest < 0 ? [] : windowRecords(store, end, t, windowMs);
  const labels = new Map(store.servers.map((s) => [s.id, s.label ?? s.id]));
  const shares = poolWindows(records).flatMap((w) => {
    const rows = poolShares(w);
    return w.servers.map((s, i) => ({
      ...rows[i]!,
      label: labels.get(s.id) ?? s.id,
      p95: s.p95 ?? NaN,
      errorRate: s.requests > 0 ? s.errors / s.requests : 0,
    }));
  });
  return { windowMs, endT: t, endSeq: newest < 0 ? -1 : store.seqs[newest]!, shares };
}

// the held frames before `end` that lie in the window ending at `endT`, oldest first, as the
// detector keeps them: a server with no sample in a frame has no row in it
function windowRecords(
  store: SeriesStore,
  end: number,
  endT: number,
  windowMs: number,
): FrameRecord[] {
  const records: FrameRecord[] = [];
  const slots = new Set<number>();
  for (let k = end - 1; k >= 0; k--) {
    const slot = store.slot(k);
    const t = store.times[slot]!;
    if (!withinWindow(t, endT, windowMs)) break;
    records.push(frameRecord(store, slot));
    slots.add(slot);
  }
  forgetRecordsOutside(store, slots);
  return records.reverse();
}

// a held frame's samples never change, and every window over it reads them again: its record
// is made once (so poolWindows groups it once too), its pools and weights as it came in, as
// the detector resolves them. Only the last window's records are kept: a record holds an object
// per server, and keeping one for every slot the window ever passed held the whole store again
// as objects (28 MiB for 500 servers x 720 frames; ten times that for a big fleet's long view)
const recordCache = new WeakMap<
  SeriesStore,
  ({ seq: number; t: number; epoch: number; record: FrameRecord } | undefined)[]
>();

function forgetRecordsOutside(store: SeriesStore, slots: ReadonlySet<number>): void {
  const bySlot = recordCache.get(store);
  if (!bySlot) return;
  for (let slot = 0; slot < bySlot.length; slot++) {
    if (bySlot[slot] !== undefined && !slots.has(slot)) bySlot[slot] = undefined;
  }
}

function frameRecord(store: SeriesStore, slot: number): FrameRecord {
  let bySlot = recordCache.get(store);
  if (!bySlot) recordCache.set(store, (bySlot = []));
  const t = store.times[slot]!;
  const seq = store.seqs[slot]!;
  const epoch = store.framesEpoch;
  const cached = bySlot[slot];
  if (cached && cached.seq === seq && cached.t === t && cached.epoch === epoch) {
    return cached.record;
  }
  const rows = store.servers.flatMap((s) => {
    const requests = s.requests[slot]!;
    if (Number.isNaN(requests)) return [];
    const p95 = s.p95[slot]!;
    return [
      {
        id: s.id,
        pool: s.pool ?? DEFAULT_POOL,
        weight: s.weights[slot]!,
        up: s.up[slot] === 1,
        requests,
        errors: s.errors[slot]!,
        p95: Number.isNaN(p95) ? null : p95,
      },
    ];
  });
  const record = { t, rows };
  bySlot[slot] = { seq, t, epoch, record };
  return record;
}
