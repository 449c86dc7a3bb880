import { describe, expect, it } from 'vitest';
import type { AlertRule, Level } from './alert';
import { causeOf, type PoolLevels } from './cause';
import { DEFAULT_CONFIG } from './config';
import { errorsLevel } from './errors';
import { patch, poolOf, row, rows } from './fixtures';
import { latencyLevel } from './latency';
import type { PoolMetrics } from './metrics';
import { serverDownLevel } from './server-down';
import { shareSkewLevels } from './share-skew';
import type { Row } from './fixtures';

const c = DEFAULT_CONFIG;
const ten = rows(10);
const hot = { p95: 5000, errors: 300 };

function levels(pool: PoolMetrics): PoolLevels {
  const each = (f: (s: PoolMetrics['servers'][number]) => Level) =>
    new Map(pool.servers.map((s) => [s.id, f(s)]));
  return {
    'share-skew': shareSkewLevels(pool, c.shareSkew),
    latency: each((s) => latencyLevel(s, c.latency)),
    errors: each((s) => errorsLevel(s, c.errors)),
    'server-down': each(serverDownLevel),
  };
}

const cause = (rule: AlertRule, named: string[], frame: Row[]) => {
  const pool = poolOf(frame);
  return causeOf(rule, named, pool, levels(pool), c);
};

describe('causeOf', () => {
  it.each([
    {
      name: 'over-shared: the balancer',
      rule: 'share-skew',
      named: ['app-04'],
      frame: patch(ten, { 'app-04': { requests: 2200 } }),
      want: 'load-balancer',
    },
    {
      name: 'a healthy server starved: the balancer',
      rule: 'share-skew',
      named: ['app-10'],
      frame: patch(ten, { 'app-10': { requests: 10 } }),
      want: 'load-balancer',
    },
    {
      name: 'a sick server starved: the balancer routes round a bad backend',
      rule: 'share-skew',
      named: ['app-10'],
      frame: patch(ten, { 'app-10': { requests: 100, ...hot } }),
      want: 'backend',
    },
    {
      name: 'slow on 2.2x its share: the balancer',
      rule: 'latency',
      named: ['app-04', 'app-07'],
      frame: patch(rows(10, { requests: 700 }), {
        'app-04': { requests: 2200, ...hot },
        'app-07': { requests: 2200, ...hot },
      }),
      want: 'load-balancer',
    },
    {
      name: 'slow on a fair share: the backend',
      rule: 'latency',
      named: ['app-03'],
      frame: patch(ten, { 'app-03': hot }),
      want: 'backend',
    },
    {
      name: 'failing on a fair share: the backend',
      rule: 'errors',
      named: ['app-03'],
      frame: patch(ten, { 'app-03': hot }),
      want: 'backend',
    },
    {
      name: 'six of ten hot: capacity',
      rule: 'latency',
      named: ['app-01'],
      frame: rows(10).map((r, i) => (i < 6 ? { ...r, ...hot } : r)),
      want: 'capacity',
    },
    {
      name: 'five of ten is not most: the backend',
      rule: 'latency',
      named: ['app-01'],
      frame: rows(10).map((r, i) => (i < 5 ? { ...r, ...hot } : r)),
      want: 'backend',
    },
    {
      name: 'all hot',
      rule: 'errors',
      named: ['app-01', 'app-02', 'app-03'],
      frame: rows(3, hot),
      want: 'capacity',
    },
    {
      name: 'alone in its pool: cannot tell',
      rule: 'latency',
      named: ['a'],
      frame: [row('a', hot)],
      want: 'unknown',
    },
    {
      name: 'one of ten down: the backend',
      rule: 'server-down',
      named: ['app-05'],
      frame: patch(ten, { 'app-05': { up: false, requests: 0, p95: null } }),
      want: 'backend',
    },
    {
      name: 'six of ten down at once: the network? a deploy? cannot tell',
      rule: 'server-down',
      named: ['app-01'],
      frame: rows(10).map((r, i) => (i < 6 ? { ...r, up: false, requests: 0, p95: null } : r)),
      want: 'unknown',
    },
  ] as const)('$name: $want', ({ rule, named, frame, want }) => {
    expect(cause(rule, [...named], [...frame])).toBe(want);
  });
});
