import { describe, expect, it } from 'vitest';
import type { ServerShare } from './share-window';
import { standingOut } from './standing-out';

/** a server of pool web: `ratio` of its weighted share, `p95` ms */
const row = (id: string, ratio: number, p95: number, up = true, pool = 'web'): ServerShare => ({
  id,
  pool,
  label: id,
  requests: 100 * ratio,
  up,
  share: 0.1 * ratio,
  expected: 0.1,
  ratio: up ? ratio : NaN,
  p95,
  errorRate: 0,
});

describe('standingOut', () => {
  it.each([
    { name: 'a quiet pool: nobody', rows: [row('a', 1, 50), row('b', 1.1, 55)], expected: [] },
    {
      name: 'twice its share, or a third of it',
      rows: [row('a', 1, 50), row('b', 2, 50), row('c', 0.3, 50), row('d', 1.2, 50)],
      expected: ['c', 'b'],
    },
    {
      name: 'a p95 far from the pool median, either way',
      rows: [row('a', 1, 50), row('b', 1, 50), row('c', 1, 400), row('d', 1, 20)],
      expected: ['c', 'd'],
    },
    {
      name: 'each pool judged by its own median',
      rows: [
        row('a', 1, 50),
        row('b', 1, 60),
        row('x', 1, 500, true, 'db'),
        row('y', 1, 520, true, 'db'),
      ],
      expected: [],
    },
    {
      name: 'down first, then the furthest off',
      rows: [row('a', 1, 50), row('b', 3, 50), row('c', 0, 0, false), row('d', 1, 50)],
      expected: ['c', 'b'],
    },
  ])('$name', ({ rows, expected }) => {
    expect(standingOut(rows)).toEqual(expected);
  });
});
