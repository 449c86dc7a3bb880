import { describe, expect, it } from 'vitest';
import { checkScenario, limitsOf, type Scenario } from './scenario';

const good: Scenario = {
  name: 'tiny',
  description: 'two servers',
  tz: '+00:00',
  startT: 0,
  intervalMs: 10_000,
  seed: 1,
  servers: [
    { id: 'a', weight: 1, capacityRps: 100, serviceMs: { p50: 10, p95: 20, p99: 30 } },
    { id: 'b', weight: 1, capacityRps: 100, serviceMs: { p50: 10, p95: 20, p99: 30 } },
  ],
  traffic: { rps: 100 },
  faults: [{ fromT: 0, effect: { kind: 'down', server: 'b' } }],
  annotations: [{ id: 'x', t: 0, title: 'x', kind: 'note' }],
};

describe('checkScenario', () => {
  it('accepts a good scenario', () => {
    expect(() => checkScenario(good)).not.toThrow();
  });

  it.each<{ name: string; change: Partial<Scenario>; problem: RegExp }>([
    { name: 'no servers', change: { servers: [] }, problem: /no servers/ },
    { name: 'zero interval', change: { intervalMs: 0 }, problem: /intervalMs/ },
    {
      name: 'a repeated server',
      change: { servers: [good.servers[0]!, good.servers[0]!] },
      problem: /twice/,
    },
    {
      name: 'a fault on an unknown server',
      change: { faults: [{ fromT: 0, effect: { kind: 'slow', server: 'zz', factor: 2 } }] },
      problem: /unknown zz/,
    },
    {
      name: 'a misroute over 100%',
      change: { faults: [{ fromT: 0, effect: { kind: 'misroute', fraction: 1.5, to: ['a'] } }] },
      problem: /fraction/,
    },
    {
      name: 'a fault that ends before it starts',
      change: { faults: [{ fromT: 10, toT: 5, effect: { kind: 'down', server: 'a' } }] },
      problem: /ends early/,
    },
    {
      name: 'a repeated annotation id',
      change: { annotations: [good.annotations[0]!, good.annotations[0]!] },
      problem: /annotation x is listed twice/,
    },
    {
      name: 'an annotation of an unknown kind',
      change: { annotations: [{ ...good.annotations[0]!, kind: 'oops' as 'note' }] },
      problem: /kind/,
    },
  ])('rejects $name', ({ change, problem }) => {
    expect(() => checkScenario({ ...good, ...change })).toThrow(problem);
  });
});

describe('limitsOf', () => {
  it.each([
    { change: {}, want: { timeoutMs: 10_000, queueLimitMs: 5_000, baselineErrorRate: 0.001 } },
    {
      change: { timeoutMs: 3_000, queueLimitMs: 1_000, baselineErrorRate: 0 },
      want: { timeoutMs: 3_000, queueLimitMs: 1_000, baselineErrorRate: 0 },
    },
  ])('fills defaults: %o', ({ change, want }) => {
    expect(limitsOf({ ...good, ...change })).toEqual(want);
  });
});
