/**
 * Each server's share within its pool, over the same window the detector judges: what
 * `/metrics` exports. Built on summarizeShares; a pool's servers split its traffic, so both
 * shares are renormalised over the pool (a server's share of all traffic says little when the
 * pools differ in size).
 */
import { DEFAULT_POOL } from './detector';
import type { SeriesStore } from './series-store';
import { summarizeShares } from './share-summary';

/** One server's observed and expected share of its pool's requests, 0..1. */
export interface PoolShare {
  id: string;
  pool: string;
  /** NaN when the pool had no requests in the window */
  share: number;
  expected: number;
}

/** The shares over the newest `frames` frames. */
export function poolShares(store: SeriesStore, frames: number): PoolShare[] {
  const rows = summarizeShares(store, frames);
  const poolOf = store.servers.map((s) => s.pool ?? DEFAULT_POOL);
  const sums = new Map<string, { requests: number; expected: number }>();
  rows.forEach((row, i) => {
    const sum = sums.get(poolOf[i]!) ?? { requests: 0, expected: 0 };
    sum.requests += row.requests;
    sum.expected += row.expected;
    sums.set(poolOf[i]!, sum);
  });
  return rows.map((row, i) => {
    const sum = sums.get(poolOf[i]!)!;
    return {
      id: row.id,
      pool: poolOf[i]!,
      share: sum.requests > 0 ? row.requests / sum.requests : NaN,
      expected: sum.expected > 0 ? row.expected / sum.expected : 0,
    };
  });
}
