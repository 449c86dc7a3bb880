import { describe, expect, it } from 'vitest';
import type { ServerShare } from './share-window';
import { shareOutliers } from './share-outliers';

const row = (id: string, ratio: number): ServerShare => ({
  id,
  label: id,
  pool: 'web',
  requests: 100,
  share: 0.1 * ratio,
  expected: 0.1,
  ratio,
  up: true,
  p95: 100,
  errorRate: 0,
});

describe('shareOutliers', () => {
  const pool = [
    row('a', 1),
    row('b', 2.2),
    row('c', 0.9),
    row('d', 0.3),
    row('e', 1.05),
    row('f', 1.5),
  ];
  it.each([
    { max: 10, first: [], want: ['a', 'b', 'c', 'd', 'e', 'f'] },
    { max: 2, first: [], want: ['b', 'd'] },
    { max: 3, first: [], want: ['b', 'd', 'f'] },
    { max: 2, first: ['e'], want: ['d', 'e'] },
    { max: 1, first: ['a', 'c'], want: ['c'] },
  ])('the $max furthest off, alerting first $first: $want', ({ max, first, want }) => {
    expect(shareOutliers(pool, max, new Set(first)).map((r) => r.id)).toEqual(want);
  });
});
