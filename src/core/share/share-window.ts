/**
 * The shares the page and `/metrics` show: the frames of a series store that lie in the
 * detector's window, summed per pool as the detector sums them, through the one share
 * computation (poolShares).
 */
import { DEFAULT_POOL, poolWindows, windowSpanTo, type FrameSpan } from '../detector/window';
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
  const window = takeWindow(store, windowSpanTo(store, windowMs, end), newest, t, windowMs);
  lastWindows.set(store, { key, window });
  return window;
}

const lastWindows = new WeakMap<SeriesStore, { key: string; window: ShareWindow }>();

function takeWindow(
  store: SeriesStore,
  span: FrameSpan,
  newest: number,
  t: number,
  windowMs: number,
): ShareWindow {
  // the store's own pools: a server without one is in the default pool, as the detector has it
  const members = store.servers.map((series) => ({ series, pool: series.pool ?? DEFAULT_POOL }));
  const shares = poolWindows(store, members, span).flatMap((w) => {
    const rows = poolShares(w);
    return w.servers.map((s, i) => ({
      ...rows[i]!,
      label: store.server(s.id)?.label ?? s.id,
      p95: s.p95 ?? NaN,
      errorRate: s.requests > 0 ? s.errors / s.requests : 0,
    }));
  });
  return { windowMs, endT: t, endSeq: newest < 0 ? -1 : store.seqs[newest]!, shares };
}
