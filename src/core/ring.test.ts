import { describe, expect, it } from 'vitest';
import { advanceRingStart, ringRuns, ringSlot } from './ring';

describe('ringSlot', () => {
  it.each([
    { start: 0, i: 0, size: 4, slot: 0 },
    { start: 0, i: 3, size: 4, slot: 3 },
    { start: 2, i: 1, size: 4, slot: 3 },
    { start: 2, i: 2, size: 4, slot: 0 },
    { start: 3, i: 3, size: 4, slot: 2 },
    { start: 0, i: 0, size: 1, slot: 0 },
  ])('the $i-th from $start of $size is slot $slot', ({ start, i, size, slot }) => {
    expect(ringSlot(start, i, size)).toBe(slot);
  });
});

describe('advanceRingStart', () => {
  it.each([
    { start: 0, k: 1, size: 3, next: 1 },
    { start: 2, k: 1, size: 3, next: 0 },
    { start: 1, k: 2, size: 3, next: 0 },
    { start: 1, k: 0, size: 3, next: 1 },
  ])('$start moved on by $k in $size is $next', ({ start, k, size, next }) => {
    expect(advanceRingStart(start, k, size)).toBe(next);
  });
});

describe('ringRuns', () => {
  it.each([
    { start: 0, from: 0, to: 0, size: 5, runs: [] },
    { start: 3, from: 2, to: 1, size: 5, runs: [] },
    { start: 0, from: 0, to: 5, size: 5, runs: [{ at: 0, length: 5, offset: 0 }] },
    { start: 1, from: 1, to: 3, size: 5, runs: [{ at: 2, length: 2, offset: 0 }] },
    // ends exactly at the ring's end: still one run
    { start: 2, from: 1, to: 3, size: 5, runs: [{ at: 3, length: 2, offset: 0 }] },
    {
      start: 3,
      from: 0,
      to: 5,
      size: 5,
      runs: [
        { at: 3, length: 2, offset: 0 },
        { at: 0, length: 3, offset: 2 },
      ],
    },
    {
      start: 4,
      from: 1,
      to: 4,
      size: 5,
      runs: [{ at: 0, length: 3, offset: 0 }],
    },
    {
      start: 3,
      from: 1,
      to: 3,
      size: 5,
      runs: [
        { at: 4, length: 1, offset: 0 },
        { at: 0, length: 1, offset: 1 },
      ],
    },
  ])('[$from, $to) from $start in $size', ({ start, from, to, size, runs }) => {
    expect(ringRuns(start, from, to, size)).toEqual(runs);
  });

  it('covers each position of the range once, in order, for every start and range', () => {
    const size = 6;
    for (let start = 0; start < size; start++) {
      for (let from = 0; from <= size; from++) {
        for (let to = from; to <= size; to++) {
          const slots = ringRuns(start, from, to, size).flatMap((r) =>
            Array.from({ length: r.length }, (_, k) => ({ slot: r.at + k, pos: r.offset + k })),
          );
          const expected = Array.from({ length: to - from }, (_, k) => ({
            slot: ringSlot(start, from + k, size),
            pos: k,
          }));
          expect(slots).toEqual(expected);
        }
      }
    }
  });
});
