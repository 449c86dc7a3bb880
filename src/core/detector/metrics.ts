/**
 * Per-server figures set against the server's pool: share against weight, p95 against the
 * peers', error rate against the peers'. The rules only compare these with thresholds.
 */
import { likelihoodRatioZ } from './binomial';
import type { PoolWindow, ServerWindow } from './window';

/** One server's window figures and how they stand against its pool. */
export interface ServerMetrics extends ServerWindow {
  /** requests over expected requests: 1 = its weighted share; NaN when nothing to judge */
  shareRatio: number;
  /** how far chance is from explaining the share, in sigmas (signed: + is over) */
  shareZ: number;
  /** median p95 of the other servers of the pool that served requests; null when none did */
  peersP95: number | null;
  /** errors / requests; NaN with no requests */
  errorRate: number;
  /**
   * median error rate of the other servers that served requests (a median, so one other hot
   * server does not drag it up); never below 1/(their requests + 2), so a clean pool is not a zero
   */
  peersErrorRate: number;
  /** how far chance is from explaining its errors at the peers' rate, in sigmas */
  errorZ: number;
}

export interface PoolMetrics {
  pool: string;
  requests: number;
  servers: ServerMetrics[];
}

export function poolMetrics(w: PoolWindow): PoolMetrics {
  const serving = w.servers.filter((s) => s.up && s.requests > 0);
  const servers = w.servers.map((s): ServerMetrics => {
    const peers = serving.filter((p) => p.id !== s.id);
    const peerRequests = peers.reduce((sum, p) => sum + p.requests, 0);
    const peerRates = peers.map((p) => p.errors / p.requests);
    // with no peers there is nothing to compare with: 0.5 leaves only the absolute bar
    const peersErrorRate =
      peers.length > 0 ? Math.max(median(peerRates), 1 / (peerRequests + 2)) : 0.5;
    const peerP95s = peers.flatMap((p) => (p.p95 === null ? [] : [p.p95]));
    return {
      ...s,
      shareRatio: shareRatio(s),
      shareZ:
        s.up && w.requests > 0
          ? likelihoodRatioZ(s.requests, w.requests, s.expected / w.requests)
          : 0,
      peersP95: peerP95s.length > 0 ? median(peerP95s) : null,
      errorRate: s.requests > 0 ? s.errors / s.requests : NaN,
      peersErrorRate,
      errorZ: likelihoodRatioZ(s.errors, s.requests, peersErrorRate),
    };
  });
  return { pool: w.pool, requests: w.requests, servers };
}

function shareRatio(s: ServerWindow): number {
  if (!s.up) return NaN;
  if (s.expected > 0) return s.requests / s.expected;
  // a drained server (weight 0) that still gets traffic is as skewed as it gets
  return s.requests > 0 ? Infinity : NaN;
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
