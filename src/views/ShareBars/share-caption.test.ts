import { describe, expect, it } from 'vitest';
import type { ServerShare } from '../../core/share/share-window';
import { groupByPool, shareCaption } from './share-caption';

const row = (id: string, pool: string) => ({ id, pool }) as ServerShare;

describe('shareCaption', () => {
  it.each([
    { pool: 'web', windowMs: 20_000, want: 'share of pool web over the last 20 s' },
    { pool: '', windowMs: 20_000, want: 'share of all servers over the last 20 s' },
    { pool: 'api', windowMs: 1_500, want: 'share of pool api over the last 1.5 s' },
    { pool: 'api', windowMs: 300_000, want: 'share of pool api over the last 5 min' },
    { pool: 'api', windowMs: 7_200_000, want: 'share of pool api over the last 2 h' },
  ])('$pool over $windowMs ms: $want', ({ pool, windowMs, want }) => {
    expect(shareCaption(pool, windowMs)).toBe(want);
  });
});

describe('groupByPool', () => {
  it('keeps the pools and their servers in the order they came', () => {
    const groups = groupByPool([row('a', 'web'), row('x', 'api'), row('b', 'web')]);
    expect(groups.map((g) => [g.pool, g.rows.map((r) => r.id)])).toEqual([
      ['web', ['a', 'b']],
      ['api', ['x']],
    ]);
  });
});
