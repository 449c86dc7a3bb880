import { describe, expect, it } from 'vitest';
import { sample as sampleValidator } from '../src/core/protocol/protocol';
import { createRandom } from './random';
import { simulateServer, type ServerInterval } from './server-model';

const base: ServerInterval = {
  server: { id: 'a', weight: 1, capacityRps: 100, serviceMs: { p50: 20, p95: 50, p99: 90 } },
  weight: 1,
  up: true,
  slow: 1,
  lambda: 50,
  backlog: 0,
  dtSec: 10,
  limits: { timeoutMs: 10_000, queueLimitMs: 5_000, baselineErrorRate: 0.001 },
};

describe('simulateServer', () => {
  it.each<{ name: string; x: Partial<ServerInterval>; check: (s: ReturnType<typeof run>) => void }>(
    [
      {
        name: 'healthy at rho 0.5',
        x: {},
        check: ({ sample }) => {
          expect(sample.up).toBe(true);
          expect(sample.requests).toBeGreaterThan(400);
          expect(sample.latencyMs!.p95).toBeGreaterThan(80);
          expect(sample.latencyMs!.p95).toBeLessThan(130);
        },
      },
      {
        name: 'down: no requests, null latency, up false, queue dropped',
        x: { up: false, backlog: 300, weight: 3 },
        check: ({ sample, backlog }) => {
          expect(sample).toEqual({
            id: 'a',
            requests: 0,
            errors: 0,
            latencyMs: null,
            up: false,
            weight: 3,
          });
          expect(backlog).toBe(0);
        },
      },
      {
        name: 'no traffic: null latency',
        x: { lambda: 0 },
        check: ({ sample }) => expect(sample.latencyMs).toBeNull(),
      },
      {
        name: 'slow x4: capacity quartered, so overloaded',
        x: { slow: 4 },
        check: ({ sample, backlog }) => {
          expect(backlog).toBeGreaterThan(0);
          expect(sample.latencyMs!.p95).toBeGreaterThan(1_000);
        },
      },
    ],
  )('$name', ({ x, check }) => {
    const out = run({ ...base, ...x });
    expect(() => sampleValidator.check(out.sample)).not.toThrow();
    check(out);
  });
});

function run(x: ServerInterval) {
  return simulateServer(x, createRandom(1));
}
