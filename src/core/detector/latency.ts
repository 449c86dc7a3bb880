/**
 * latency: a server's p95 far above its pool's (a slow backend), or above an absolute bound
 * (how a pool that is slow as a whole still shows; the cause then says capacity).
 */
import type { Level } from './alert';
import type { LatencyConfig } from './config';
import type { ServerMetrics } from './metrics';

export function latencyLevel(s: ServerMetrics, c: LatencyConfig): Level {
  const p95 = s.p95;
  if (!s.up || p95 === null || s.requests < c.minRequests || p95 < c.floorMs) return 'clear';
  const above = (factor: number, absoluteMs: number) =>
    (s.peersP95 !== null && p95 >= factor * s.peersP95) || p95 >= absoluteMs;
  if (above(c.factor, c.absoluteMs)) return 'fire';
  return above(c.clearFactor, c.clearAbsoluteMs) ? 'hold' : 'clear';
}
