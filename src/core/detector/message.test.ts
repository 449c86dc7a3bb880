import { describe, expect, it } from 'vitest';
import type { AlertCause, AlertRule } from './alert';
import { patch, poolOf, rows } from './fixtures';
import { duration, firingMessage, ms, percent, resolvedMessage, times } from './message';
import type { Row } from './fixtures';

describe('number formats', () => {
  it.each([
    { name: 'a factor', got: times([2.2]), want: '2.2x' },
    { name: 'factors that agree', got: times([2.21, 2.24]), want: '2.2x' },
    { name: 'factors that differ', got: times([2.1, 2.3]), want: '2.1-2.3x' },
    { name: 'a big factor', got: times([55.4, 61.2]), want: '55-61x' },
    { name: 'a small factor', got: times([0.0123]), want: '0.01x' },
    { name: 'a drained server', got: times([Infinity]), want: 'infx' },
    { name: 'ms', got: ms([85.2]), want: '85 ms' },
    { name: 'seconds', got: ms([6012, 6180]), want: '6.0-6.2 s' },
    { name: 'a mix stays in ms', got: ms([450, 1200]), want: '450-1200 ms' },
    { name: 'a big percentage', got: percent([0.24, 0.25]), want: '24-25%' },
    { name: 'a small one', got: percent([0.0009]), want: '0.09%' },
    { name: 'in between', got: percent([0.052]), want: '5.2%' },
    { name: 'seconds', got: duration(45_000), want: '45s' },
    { name: 'minutes', got: duration(630_000), want: '10m 30s' },
    { name: 'whole minutes', got: duration(120_000), want: '2m' },
    { name: 'hours', got: duration(7_560_000), want: '2h 6m' },
  ])('$name: $want', ({ got, want }) => {
    expect(got).toBe(want);
  });
});

const seed = patch(rows(10, { requests: 700, p95: 100, errors: 1 }), {
  'app-04': { requests: 2200, p95: 3000, errors: 440 },
  'app-07': { requests: 2200, p95: 3000, errors: 440 },
});

describe('firingMessage', () => {
  it.each([
    {
      rule: 'share-skew',
      named: ['app-04', 'app-07'],
      cause: 'load-balancer',
      frame: seed,
      want: "app-04, app-07 get 2.2x their weighted share; their p95 is 30x the pool's: load balancer",
    },
    {
      rule: 'latency',
      named: ['app-04', 'app-07'],
      cause: 'load-balancer',
      frame: seed,
      want: "p95 of app-04, app-07 is 30x the pool's (3.0 s vs 100 ms); they get 2.2x their weighted share: load balancer",
    },
    {
      rule: 'errors',
      named: ['app-04', 'app-07'],
      cause: 'load-balancer',
      frame: seed,
      want: 'app-04, app-07 fail 20% of requests, the pool 0.1%; they get 2.2x their weighted share: load balancer',
    },
    {
      rule: 'share-skew',
      named: ['app-10'],
      cause: 'load-balancer',
      frame: patch(rows(10, { requests: 1100 }), { 'app-10': { requests: 100 } }),
      want: 'app-10 gets only 0.1x its weighted share: load balancer',
    },
    {
      rule: 'share-skew',
      named: ['app-03'],
      cause: 'load-balancer',
      frame: patch(rows(3), { 'app-03': { weight: 0, requests: 1000 } }),
      want: 'app-03 gets 33% of the requests at weight 0: load balancer',
    },
    {
      rule: 'latency',
      named: ['app-03'],
      cause: 'backend',
      frame: patch(rows(8, { p95: 120 }), { 'app-03': { p95: 500 } }),
      want: "p95 of app-03 is 4.2x the pool's (500 ms vs 120 ms): backend",
    },
    {
      rule: 'latency',
      named: ['app-01', 'app-02', 'app-03'],
      cause: 'capacity',
      frame: rows(3, { p95: 7200 }),
      want: 'p95 of all 3 servers is 7.2 s: capacity',
    },
    {
      rule: 'errors',
      named: ['app-01', 'app-02', 'app-03'],
      cause: 'capacity',
      frame: rows(3, { errors: 280 }),
      want: 'all 3 servers fail 28% of requests: capacity',
    },
    {
      rule: 'server-down',
      named: ['app-05'],
      cause: 'backend',
      frame: patch(rows(10), { 'app-05': { up: false, requests: 0, p95: null } }),
      want: 'app-05 is down (failing health checks): backend',
    },
  ] as { rule: AlertRule; named: string[]; cause: AlertCause; frame: Row[]; want: string }[])(
    '$want',
    ({ rule, named, cause, frame, want }) => {
      expect(firingMessage({ rule, named, cause, pool: poolOf(frame), showPool: false })).toBe(
        want,
      );
    },
  );

  it.each([
    {
      rule: 'share-skew',
      named: ['app-04', 'app-07'],
      cause: 'load-balancer',
      frame: seed,
      want: "app-04, app-07 get 2.2x their weighted share; their mean latency is 30x the pool's: load balancer",
    },
    {
      rule: 'latency',
      named: ['app-04', 'app-07'],
      cause: 'load-balancer',
      frame: seed,
      want: "mean latency of app-04, app-07 is 30x the pool's (3.0 s vs 100 ms); they get 2.2x their weighted share: load balancer",
    },
    {
      rule: 'latency',
      named: ['app-01', 'app-02', 'app-03'],
      cause: 'capacity',
      frame: rows(3, { p95: 7200 }),
      want: 'mean latency of all 3 servers is 7.2 s: capacity',
    },
  ] as { rule: AlertRule; named: string[]; cause: AlertCause; frame: Row[]; want: string }[])(
    'a source that only knows a mean: $want',
    ({ rule, named, cause, frame, want }) => {
      const pool = poolOf(frame);
      const x = { rule, named, cause, pool, showPool: false };
      expect(firingMessage({ ...x, latency: 'mean' })).toBe(want);
      // the same alert from a source with quantiles says p95, and a missing latency is quantiles
      const quantiles = firingMessage({ ...x, latency: 'quantiles' });
      expect(quantiles).toBe(want.replace('mean latency', 'p95'));
      expect(firingMessage(x)).toBe(quantiles);
    },
  );

  it('names the pool when there is more than one', () => {
    const frame = patch(rows(4, { pool: 'web' }), { 'app-02': { requests: 2000 } });
    const pool = poolOf(frame);
    const named = ['app-02'];
    expect(
      firingMessage({ rule: 'share-skew', named, cause: 'load-balancer', pool, showPool: true }),
    ).toBe('web: app-02 gets 1.6x its weighted share: load balancer');
  });
});

describe('resolvedMessage', () => {
  it.each([
    {
      x: { rule: 'share-skew', who: 'app-04, app-07', pool: '', showPool: false, forMs: 7_560_000 },
      want: 'share skew on app-04, app-07 recovered after 2h 6m',
    },
    {
      x: { rule: 'server-down', who: 'api-01', pool: 'api', showPool: true, forMs: 45_000 },
      want: 'api: server down on api-01 recovered after 45s',
    },
  ] as const)('$want', ({ x, want }) => {
    expect(resolvedMessage(x)).toBe(want);
  });
});
