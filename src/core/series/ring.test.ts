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
  it('after moving on by k, the i-th is what the (k + i)-th was, wrapping', () => {
    const size = 5;
    for (let start = 0; start < size; start++) {
      for (let k = 0; k < size; k++) {
        const next = advanceRingStart(start, k, size);
        expect(next).toBeLessThan(size);
        for (let i = 0; i + k < size; i++) {
          expect(ringSlot(next, i, size)).toBe(ringSlot(start, k + i, size));
        }
      }
    }
  });
});

/** `length` slots from `at`, for the positions from `offset` of the range */
const run = (at: number, length: number, offset = 0) => ({ at, length, offset });

describe('ringRuns', () => {
  it.each([
    { start: 0, from: 0, to: 0, size: 5, runs: [] },
    { start: 3, from: 2, to: 1, size: 5, runs: [] },
    { start: 0, from: 0, to: 5, size: 5, runs: [run(0, 5)] },
    { start: 1, from: 1, to: 3, size: 5, runs: [run(2, 2)] },
    // ends exactly at the ring's end: still one run
    { start: 2, from: 1, to: 3, size: 5, runs: [run(3, 2)] },
    { start: 3, from: 0, to: 5, size: 5, runs: [run(3, 2), run(0, 3, 2)] },
    // starts past the wrap
    { start: 4, from: 1, to: 4, size: 5, runs: [run(0, 3)] },
    { start: 3, from: 1, to: 3, size: 5, runs: [run(4, 1), run(0, 1, 1)] },
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
