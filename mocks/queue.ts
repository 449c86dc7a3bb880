/**
 * One server as a queue: latency follows utilisation the way an M/M/1 queue's does below
 * capacity, and a backlog builds (and later drains) above it.
 */
import type { Limits, Percentiles } from './scenario';
import { exceedFraction } from './tail';

// 1/(1-rho) is infinite at saturation; past this the backlog term takes over
const RHO_MAX = 0.95;

/** The queue's inputs for one interval. */
export interface QueueParams extends Limits {
  /** requests per second the server completes (already divided by any slowdown) */
  capacityRps: number;
  /** idle-server latency (already multiplied by any slowdown) */
  serviceMs: Percentiles;
}

/** What one server did over one interval. */
export interface QueueStep {
  /** requests still waiting at the end of the interval */
  backlog: number;
  latencyMs: Percentiles;
  /** share of this interval's requests that failed: baseline, shed (503) and timed out */
  errorRate: number;
}

/** M/M/1: every percentile of the time in system is 1/(1-rho) times the service time's. */
export function waitingFactor(rho: number): number {
  return 1 / (1 - Math.min(Math.max(rho, 0), RHO_MAX));
}

/** Advances one server by dtSec with arrivals at lambda req/s, starting from `backlog` waiting. */
export function stepQueue(
  backlog: number,
  lambda: number,
  dtSec: number,
  p: QueueParams,
): QueueStep {
  const mu = p.capacityRps;
  const limit = (mu * p.queueLimitMs) / 1000;
  const wanted = Math.max(0, backlog + (lambda - mu) * dtSec);
  const end = Math.min(wanted, limit);
  const arrivals = lambda * dtSec;
  // what does not fit in the full queue is turned away at once
  const shed = arrivals > 0 ? (wanted - end) / arrivals : 0;

  const factor = waitingFactor(lambda / mu);
  // half the interval's requests queue behind less than the mean backlog, the tail behind the most
  const midWaitMs = ((backlog + end) / 2 / mu) * 1000;
  const tailWaitMs = (Math.max(backlog, end) / mu) * 1000;
  const raw: Percentiles = {
    p50: p.serviceMs.p50 * factor + midWaitMs,
    p95: p.serviceMs.p95 * factor + tailWaitMs,
    p99: p.serviceMs.p99 * factor + tailWaitMs,
  };
  const timedOut = exceedFraction(p.timeoutMs, raw);
  const cap = p.timeoutMs;
  return {
    backlog: end,
    // a timed-out request is logged at the timeout, so no percentile goes past it
    latencyMs: {
      p50: Math.min(raw.p50, cap),
      p95: Math.min(raw.p95, cap),
      p99: Math.min(raw.p99, cap),
    },
    errorRate: Math.min(1, p.baselineErrorRate + shed + (1 - shed) * timedOut),
  };
}
