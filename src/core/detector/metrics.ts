/**
 * Per-server figures set against the server's pool: share against weight, p95 against the
 * peers', error rate against the peers'. The rules only compare these with thresholds.
 */
import { poolShares } from '../share/pool-shares';
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
  // pool totals and sorted lists once; each server's peers are the pool less itself
  const serving = w.servers.filter((s) => s.up && s.requests > 0);
  const servingRequests = serving.reduce((sum, p) => sum + p.requests, 0);
  const rates = serving.map((p) => p.errors / p.requests).sort(ascending);
  const p95s = serving.flatMap((p) => (p.p95 === null ? [] : [p.p95])).sort(ascending);
  const shares = poolShares(w);
  const servers = w.servers.map((s, i): ServerMetrics => {
    const isPeer = s.up && s.requests > 0;
    const peerCount = serving.length - (isPeer ? 1 : 0);
    const peerRequests = isPeer ? servingRequests - s.requests : servingRequests;
    // with no peers there is nothing to compare with: 0.5 leaves only the absolute bar
    const peersErrorRate =
      peerCount > 0
        ? Math.max(
            medianWithout(rates, isPeer ? indexOf(rates, s.errors / s.requests) : -1),
            1 / (peerRequests + 2),
          )
        : 0.5;
    const ownP95 = isPeer && s.p95 !== null ? indexOf(p95s, s.p95) : -1;
    // every field spelled out: `{ ...s, more }` is many times slower in V8 (Node 20)
    return {
      id: s.id,
      pool: s.pool,
      up: s.up,
      weight: s.weight,
      present: s.present,
      requests: s.requests,
      errors: s.errors,
      expected: s.expected,
      p95: s.p95,
      shareRatio: shares[i]!.ratio,
      shareZ:
        s.up && w.requests > 0
          ? likelihoodRatioZ(s.requests, w.requests, s.expected / w.requests)
          : 0,
      peersP95: p95s.length - (ownP95 >= 0 ? 1 : 0) > 0 ? medianWithout(p95s, ownP95) : null,
      errorRate: s.requests > 0 ? s.errors / s.requests : NaN,
      peersErrorRate,
      errorZ: likelihoodRatioZ(s.errors, s.requests, peersErrorRate),
    };
  });
  return { pool: w.pool, requests: w.requests, servers };
}

const ascending = (a: number, b: number) => a - b;

/** An index of `value` in the ascending `sorted`, which holds it. */
function indexOf(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The median of the ascending `sorted` less its element at `skip` (-1: none), in O(1). */
function medianWithout(sorted: readonly number[], skip: number): number {
  const n = sorted.length - (skip >= 0 ? 1 : 0);
  if (n <= 0) return NaN;
  const mid = n >> 1;
  // element k of the list less `skip` is sorted[k] below skip, sorted[k + 1] from it on
  const hi = sorted[skip >= 0 && mid >= skip ? mid + 1 : mid]!;
  if (n % 2 === 1) return hi;
  const lo = sorted[skip >= 0 && mid - 1 >= skip ? mid : mid - 1]!;
  return (lo + hi) / 2;
}

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
