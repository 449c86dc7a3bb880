import { describe, expect, it } from 'vitest';
import type { Sample } from '../../core/protocol/protocol';
import { SeriesStore } from '../../core/series/series-store';
import { bandName, cellLines, cellValues } from './cell-values';
import type { PlanRow } from './row-plan';

const T = Date.UTC(2024, 4, 15, 14, 0);
const g = { columns: 4, intervalMs: 1000, newestT: T + 2000 };
const sample = (id: string, requests: number, p95: number, more: Partial<Sample> = {}): Sample => ({
  id,
  requests,
  latencyMs: { p50: p95 / 2, p95, p99: p95 * 2 },
  ...more,
});

/** frames at T and T + 2 s (column 1 holds none); web-1..3 in pool web, db-1 alone */
function store(): SeriesStore {
  const s = new SeriesStore({ capacity: 10, maxAgeMs: 86_400_000 });
  s.setServers([
    ...['web-1', 'web-2', 'web-3'].map((id) => ({ id, pool: 'web', weight: 1 })),
    { id: 'db-1', label: 'database one', pool: 'db', weight: 1 },
  ]);
  s.push({ v: 1, seq: 1, t: T, intervalMs: 1000, samples: [sample('web-1', 10, 40)] });
  s.push({
    v: 1,
    seq: 2,
    t: T + 2000,
    intervalMs: 1000,
    samples: [
      sample('web-1', 450, 40, { errors: 9 }),
      sample('web-2', 100, 900),
      sample('web-3', 0, NaN, { latencyMs: null, up: false }),
      sample('db-1', 450, 12),
    ],
  });
  return s;
}
const band: PlanRow = {
  kind: 'band',
  pool: 'web',
  ids: ['web-1', 'web-2', 'web-3'],
  unfolded: false,
};

describe('cellValues and cellLines', () => {
  it.each<{ name: string; row: PlanRow; column: number; mean?: boolean; want: string[] }>([
    {
      name: 'a server: its percentiles, requests, errors and share of the frame',
      row: { kind: 'server', id: 'web-1' },
      column: 3,
      want: [
        'web-1',
        '2024-05-15 14:00:02 UTC',
        'p50 20 ms · p95 40 ms · p99 80 ms',
        '450 requests, 9 errors (2.0%) · share 45.0%',
      ],
    },
    {
      name: 'a server by its label, in a source that only knows a mean',
      row: { kind: 'server', id: 'db-1' },
      column: 3,
      mean: true,
      want: [
        'database one',
        '2024-05-15 14:00:02 UTC',
        'mean latency 12 ms',
        '450 requests, 0 errors · share 45.0%',
      ],
    },
    {
      name: 'a band: summed, its latency as painted, how many of its servers are down',
      row: band,
      column: 3,
      want: [
        'web: 3 servers',
        '2024-05-15 14:00:02 UTC',
        'p95 900 ms (95th percentile of its servers, by requests)',
        '550 requests, 9 errors (1.6%) · share 55.0%',
      ].map((l, i) => (i === 3 ? `${l} · 1 of 3 down` : l)),
    },
    {
      name: 'a column with no frame',
      row: band,
      column: 2,
      want: ['web: 3 servers', '2024-05-15 14:00:01 UTC', 'no data'],
    },
    {
      name: 'a frame without the server',
      row: { kind: 'server', id: 'web-2' },
      column: 1,
      want: ['web-2', '2024-05-15 14:00:00 UTC', 'no data'],
    },
    {
      name: 'a down server',
      row: { kind: 'server', id: 'web-3' },
      column: 3,
      want: [
        'web-3',
        '2024-05-15 14:00:02 UTC',
        'no latency',
        '0 requests, 0 errors · share 0.0% · DOWN',
      ],
    },
  ])('$name', ({ row, column, mean, want }) => {
    const v = cellValues(store(), row, column, g)!;
    const { title, lines } = cellLines(v, 'UTC', mean ?? false);
    expect([title, ...lines]).toEqual(want);
  });

  it('says nothing of a server the store no longer holds', () => {
    expect(cellValues(store(), { kind: 'server', id: 'gone' }, 3, g)).toBeUndefined();
  });

  it('a column of several frames (a long window) shows the frame it is painted from: its worst', () => {
    // columns of 2 s: the rightmost holds T + 1 s and T + 2 s, the slower one first
    const s = store();
    const wide = { columns: 2, intervalMs: 2000, newestT: T + 2000 };
    const inBetween = [sample('web-1', 20, 3000), sample('web-2', 20, 10)];
    s.push({ v: 1, seq: 3, t: T + 2500, intervalMs: 1000, samples: inBetween });
    const slow = cellValues(s, { kind: 'server', id: 'web-1' }, 1, wide)!;
    expect([slow.t, slow.p95]).toEqual([T + 2500, 3000]);
    // web-2 was slower in the frame at T + 2 s
    const other = cellValues(s, { kind: 'server', id: 'web-2' }, 1, wide)!;
    expect([other.t, other.p95]).toEqual([T + 2000, 900]);
  });

  it.each([
    { pool: 'web', count: 1980, expected: 'web: 1,980 servers' },
    { pool: '', count: 1, expected: '1 server' },
  ])('bandName($pool, $count) = $expected', ({ pool, count, expected }) => {
    expect(bandName(pool, count)).toBe(expected);
  });
});
