/**
 * Each server's share of the traffic over the last few frames, against the share its weight
 * entitles it to, with its latency beside it: the numbers the share bars draw.
 */
import type { SeriesStore } from './series-store';
import { expectedShares, observedShares, shareRatio } from './share';

/** One row of the share bars. */
export interface ServerShare {
  id: string;
  label: string;
  requests: number;
  /** observed share of requests over the window, 0..1, NaN with no traffic */
  share: number;
  /** weight over the weights of the servers up in the newest frame, 0..1 */
  expected: number;
  /** share / expected */
  ratio: number;
  up: boolean;
  /** request-weighted mean p95 over the window, ms; NaN with no requests */
  p95: number;
  /** errors / requests over the window */
  errorRate: number;
}

/**
 * Summarises the `frames` frames up to `endT` (default: the newest), fewer when the store
 * holds fewer.
 */
export function summarizeShares(
  store: SeriesStore,
  frames: number,
  endT = Infinity,
): ServerShare[] {
  const end = store.countAtOrBefore(endT);
  const n = Math.min(frames, end);
  const servers = store.servers;
  const requests = servers.map(() => 0);
  const errors = servers.map(() => 0);
  const weightedP95 = servers.map(() => 0);
  const latencyRequests = servers.map(() => 0);
  for (let k = end - n; k < end; k++) {
    const slot = store.slot(k);
    servers.forEach((s, i) => {
      const r = s.requests[slot]!;
      if (Number.isNaN(r)) return;
      requests[i]! += r;
      errors[i]! += s.errors[slot]!;
      const p95 = s.p95[slot]!;
      if (r > 0 && !Number.isNaN(p95)) {
        weightedP95[i]! += p95 * r;
        latencyRequests[i]! += r;
      }
    });
  }
  const newest = n > 0 ? store.slot(end - 1) : -1;
  const up = servers.map((s) => (newest < 0 ? true : s.up[newest] === 1));
  const weights = servers.map((s) => (newest < 0 ? s.weight : s.weights[newest]!));
  const shares = observedShares(requests);
  const expected = expectedShares(weights, up);
  return servers.map((s, i) => ({
    id: s.id,
    label: s.label ?? s.id,
    requests: requests[i]!,
    share: shares[i]!,
    expected: expected[i]!,
    ratio: shareRatio(shares[i]!, expected[i]!),
    up: up[i]!,
    p95: latencyRequests[i]! > 0 ? weightedP95[i]! / latencyRequests[i]! : NaN,
    errorRate: requests[i]! > 0 ? errors[i]! / requests[i]! : 0,
  }));
}
