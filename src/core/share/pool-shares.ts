/**
 * Each server's share of its pool's requests over one window, against the share its weight
 * entitles it to: the one share computation. The detector's rules and messages, the share
 * bars and `/metrics` all read it, so no two of them can state different shares.
 */
import type { PoolWindow } from '../detector/window';

/** One server's share of its pool over the window. */
export interface PoolShare {
  id: string;
  pool: string;
  requests: number;
  /** health in the newest frame that reported it */
  up: boolean;
  /** requests over the requests to the pool's servers that were up, 0..1; NaN with no traffic */
  share: number;
  /**
   * what its weight entitled it to over the frames it was up, over the same total, 0..1; with no
   * traffic, its weight over the weights of the servers up now
   */
  expected: number;
  /** requests over expected requests: 1 = its weighted share; NaN when down or nothing to judge */
  ratio: number;
}

/** The shares of `w`'s servers, in its order. */
export function poolShares(w: PoolWindow): PoolShare[] {
  // expected requests sum frame by frame, so a weight changed mid-window counts for its part
  const upWeights = w.servers.reduce((sum, s) => (s.up ? sum + s.weight : sum), 0);
  return w.servers.map((s) => ({
    id: s.id,
    pool: s.pool,
    requests: s.requests,
    up: s.up,
    share: w.requests > 0 ? s.requests / w.requests : NaN,
    expected:
      w.requests > 0 ? s.expected / w.requests : s.up && upWeights > 0 ? s.weight / upWeights : 0,
    ratio: ratioOf(s.up, s.requests, s.expected),
  }));
}

function ratioOf(up: boolean, requests: number, expected: number): number {
  if (!up) return NaN;
  if (expected > 0) return requests / expected;
  // a drained server (weight 0) that still gets traffic is as skewed as it gets
  return requests > 0 ? Infinity : NaN;
}
