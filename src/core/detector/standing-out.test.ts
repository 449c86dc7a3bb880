import { describe, expect, it } from 'vitest';
import type { ServerShare } from '../share/share-window';
import { SHARE_FACTOR, standingOut, STAY_SCORE } from './standing-out';

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

  describe('a server about the threshold', () => {
    // the share ratio at a score of 1 and of STAY_SCORE
    const atThreshold = SHARE_FACTOR;
    const atStay = SHARE_FACTOR ** STAY_SCORE;
    const pool = (ratio: number) => [row('a', 1, 50), row('b', ratio, 50), row('c', 1, 50)];

    it('takes the threshold to start standing out', () => {
      expect(standingOut(pool(atThreshold * 0.97))).toEqual([]);
      expect(standingOut(pool(atThreshold * 1.03))).toEqual(['b']);
    });

    it('keeps standing out just under the threshold, and stops below the stay score', () => {
      const before = new Set(['b']);
      expect(standingOut(pool(atThreshold * 0.97), before)).toEqual(['b']);
      expect(standingOut(pool(atStay * 1.03), before)).toEqual(['b']);
      expect(standingOut(pool(atStay * 0.97), before)).toEqual([]);
    });

    it('judged again and again as it hovers, it changes once each way', () => {
      const ratios = [1.0, 1.55, 1.45, 1.52, 1.4, 1.48, 1.2, 1.45, 1.1];
      let before: ReadonlySet<string> = new Set();
      const seen: boolean[] = [];
      for (const ratio of ratios) {
        const out = standingOut(pool(ratio), before);
        before = new Set(out);
        seen.push(out.includes('b'));
      }
      expect(seen).toEqual([false, true, true, true, true, true, false, false, false]);
    });
  });
});
