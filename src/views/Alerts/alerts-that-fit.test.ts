import { describe, expect, it } from 'vitest';
import { alertsThatFit } from './alerts-that-fit';

describe('alertsThatFit', () => {
  it.each<{ how: string; bottoms: number[]; room: number; more: number; want: number }>([
    { how: 'no alerts', bottoms: [], room: 100, more: 20, want: 0 },
    { how: 'all fit', bottoms: [30, 60, 90], room: 100, more: 20, want: 3 },
    {
      how: 'all fit exactly: no more line, so none hidden',
      bottoms: [30, 60, 90],
      room: 90,
      more: 20,
      want: 3,
    },
    {
      how: 'one too many: the last gives way to "+1 more"',
      bottoms: [30, 60, 90, 120],
      room: 100,
      more: 20,
      want: 2,
    },
    {
      how: 'a wrapped alert takes two lines',
      bottoms: [30, 90, 120],
      room: 100,
      more: 10,
      want: 2,
    },
    {
      how: 'a desk or a phone sets no limit: all show',
      bottoms: [30, 60, 90],
      room: Infinity,
      more: 20,
      want: 3,
    },
    {
      how: 'the first alert stays even when it does not fit',
      bottoms: [150, 180],
      room: 100,
      more: 20,
      want: 1,
    },
  ])('$how', ({ bottoms, room, more, want }) => {
    expect(alertsThatFit(bottoms, room, more)).toBe(want);
  });

  it('leaves room for the "+N more" line whenever it hides any', () => {
    const bottoms = Array.from({ length: 20 }, (_, i) => (i + 1) * 31);
    for (let room = 31; room < 700; room += 7) {
      const shown = alertsThatFit(bottoms, room, 25);
      if (shown < bottoms.length && shown > 1) {
        expect(bottoms[shown - 1]! + 25).toBeLessThanOrEqual(room);
      }
    }
  });
});
