import type { Sample } from '../src/core/protocol/protocol';
import { stepQueue } from './queue';
import type { Random } from './random';
import type { Limits, Percentiles, ScenarioServer } from './scenario';

// sd of the log of the per-interval latency jitter (~5%)
const LATENCY_JITTER = 0.05;

/** One server's situation over one interval. */
export interface ServerInterval {
  server: ScenarioServer;
  weight: number;
  up: boolean;
  /** service-time multiplier (1 = healthy) */
  slow: number;
  /** mean requests per second the load balancer routes to it */
  lambda: number;
  /** requests waiting at the start of the interval */
  backlog: number;
  dtSec: number;
  limits: Limits;
}

const scale = (l: Percentiles, k: number): Percentiles => ({
  p50: l.p50 * k,
  p95: l.p95 * k,
  p99: l.p99 * k,
});
// jitter scales, the timeout still caps, and tenths of a ms are plenty
function jittered(ms: number, jitter: number, timeoutMs: number): number {
  return Math.round(Math.min(ms * jitter, timeoutMs) * 10) / 10;
}

/** The sample one server reports for one interval, and its backlog afterwards. */
export function simulateServer(
  x: ServerInterval,
  random: Random,
): { sample: Sample; backlog: number } {
  const { server, weight, dtSec, limits } = x;
  if (!x.up) {
    // a server out of rotation gets nothing; its queue is dropped with its connections
    const sample = { id: server.id, requests: 0, errors: 0, latencyMs: null, up: false, weight };
    return { sample, backlog: 0 };
  }
  const requests = random.count(x.lambda * dtSec);
  const step = stepQueue(x.backlog, requests / dtSec, dtSec, {
    ...limits,
    capacityRps: server.capacityRps / x.slow,
    serviceMs: scale(server.serviceMs, x.slow),
  });
  const errors = random.binomial(requests, step.errorRate);
  // one factor for all three percentiles keeps p50 <= p95 <= p99
  const jitter = Math.exp(LATENCY_JITTER * random.normal());
  const latencyMs =
    requests === 0
      ? null
      : {
          p50: jittered(step.latencyMs.p50, jitter, limits.timeoutMs),
          p95: jittered(step.latencyMs.p95, jitter, limits.timeoutMs),
          p99: jittered(step.latencyMs.p99, jitter, limits.timeoutMs),
        };
  return {
    sample: { id: server.id, requests, errors, latencyMs, up: true, weight },
    backlog: step.backlog,
  };
}
