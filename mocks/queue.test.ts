import { describe, expect, it } from 'vitest';
import { stepQueue, waitingFactor, type QueueParams } from './queue';

const params: QueueParams = {
  capacityRps: 100,
  serviceMs: { p50: 20, p95: 50, p99: 90 },
  timeoutMs: 10_000,
  queueLimitMs: 5_000,
  baselineErrorRate: 0.001,
};
const steady = (rho: number) => stepQueue(0, rho * params.capacityRps, 10, params);

describe('waitingFactor', () => {
  it.each([
    { rho: -1, want: 1 },
    { rho: 0, want: 1 },
    { rho: 0.5, want: 2 },
    { rho: 0.8, want: 5 },
    { rho: 0.9, want: 10 },
    { rho: 0.95, want: 20 },
    { rho: 3, want: 20 }, // past saturation the backlog term carries the growth
  ])('at rho $rho is $want', ({ rho, want }) => {
    expect(waitingFactor(rho)).toBeCloseTo(want, 9);
  });
});

describe('stepQueue below capacity', () => {
  const rhos = [0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9];
  const p95s = rhos.map((rho) => steady(rho).latencyMs.p95);

  it('grows monotonically and super-linearly with utilisation', () => {
    const slopes = rhos.slice(1).map((rho, i) => (p95s[i + 1]! - p95s[i]!) / (rho - rhos[i]!));
    // every slope positive (monotone), each steeper than the last (super-linear)
    expect(slopes.every((s) => s > 0)).toBe(true);
    for (let i = 1; i < slopes.length; i++) expect(slopes[i]).toBeGreaterThan(slopes[i - 1]!);
    // a constant multiplier would keep this ratio at 0.9 / 0.5
    expect(p95s.at(-1)! / p95s[2]!).toBeGreaterThan(4);
  });

  it.each([
    { rho: 0.5, low: 90, high: 110 },
    { rho: 0.9, low: 450, high: 550 },
  ])('at rho $rho gives p95 in [$low, $high] ms, no backlog, baseline errors', (c) => {
    const step = steady(c.rho);
    expect(step.latencyMs.p95).toBeGreaterThan(c.low);
    expect(step.latencyMs.p95).toBeLessThan(c.high);
    expect(step.backlog).toBe(0);
    expect(step.errorRate).toBeCloseTo(params.baselineErrorRate, 6);
  });
});

describe('stepQueue above capacity', () => {
  // 220 req/s against 100: the backlog fills in ~4 s per 10 s step, then the queue sheds
  const run = (lambdas: number[]) => {
    let backlog = 0;
    return lambdas.map((lambda) => {
      const step = stepQueue(backlog, lambda, 10, params);
      backlog = step.backlog;
      return step;
    });
  };

  it.each([
    { lambda: 220, shed: 120 / 220 },
    { lambda: 110, shed: 10 / 110 },
  ])('at $lambda req/s fills, caps at the queue limit and sheds the excess', ({ lambda, shed }) => {
    const steps = run([lambda, lambda, lambda, lambda, lambda, lambda, lambda, lambda]);
    const last = steps.at(-1)!;
    expect(last.backlog).toBeLessThanOrEqual((params.capacityRps * params.queueLimitMs) / 1000);
    expect(last.latencyMs.p95).toBeGreaterThan(3_000);
    expect(last.latencyMs.p99).toBeLessThanOrEqual(params.timeoutMs);
    expect(last.errorRate).toBeCloseTo(shed + params.baselineErrorRate, 2);
  });

  it('drains within a couple of intervals once the load drops', () => {
    const steps = run([220, 220, 220, 50, 50, 50]);
    expect(steps[2]!.latencyMs.p95).toBeGreaterThan(3_000);
    expect(steps[5]!.backlog).toBe(0);
    expect(steps[5]!.latencyMs.p95).toBeLessThan(200);
  });

  it('times requests out when the service itself is slower than the timeout allows', () => {
    const slow = { ...params, serviceMs: { p50: 600, p95: 1500, p99: 2700 } };
    const step = stepQueue(0, 90, 10, slow);
    expect(step.latencyMs.p99).toBe(slow.timeoutMs);
    expect(step.errorRate).toBeGreaterThan(0.05);
  });
});
