import { describe, expect, it } from 'vitest';
import { expectedShares, observedShares, shareRatio } from './share';

/** Matches numbers to 9 places; NaN and Infinity exactly. */
const close = (want: number[]) => want.map((w) => (Number.isFinite(w) ? expect.closeTo(w, 9) : w));

describe('observedShares', () => {
  it.each([
    { name: 'equal traffic', requests: [100, 100, 100], want: [1 / 3, 1 / 3, 1 / 3] },
    { name: '3:1:1 traffic', requests: [300, 100, 100], want: [0.6, 0.2, 0.2] },
    { name: 'one server idle', requests: [0, 50], want: [0, 1] },
    { name: 'zero traffic says nothing', requests: [0, 0, 0], want: [NaN, NaN, NaN] },
    { name: 'no servers', requests: [], want: [] },
  ])('$name', ({ requests, want }) => {
    expect(observedShares(requests)).toEqual(close(want));
  });
});

describe('expectedShares', () => {
  it.each([
    {
      name: 'equal weights',
      weights: [1, 1, 1],
      up: [true, true, true],
      want: [1 / 3, 1 / 3, 1 / 3],
    },
    {
      name: 'unequal weights 3:1:1',
      weights: [3, 1, 1],
      up: [true, true, true],
      want: [0.6, 0.2, 0.2],
    },
    {
      name: 'a down server: its share goes to the others equally',
      weights: [1, 1, 1],
      up: [true, false, true],
      want: [0.5, 0, 0.5],
    },
    {
      name: 'a down server: its share goes to the others by weight',
      weights: [3, 1, 1],
      up: [true, false, true],
      want: [0.75, 0, 0.25],
    },
    {
      name: 'the heavy server down',
      weights: [3, 1, 1],
      up: [false, true, true],
      want: [0, 0.5, 0.5],
    },
    {
      name: 'a zero weight gets nothing',
      weights: [0, 1, 1],
      up: [true, true, true],
      want: [0, 0.5, 0.5],
    },
    { name: 'all down', weights: [1, 1], up: [false, false], want: [0, 0] },
    { name: 'all weights zero', weights: [0, 0], up: [true, true], want: [0, 0] },
  ])('$name', ({ weights, up, want }) => {
    expect(expectedShares(weights, up)).toEqual(close(want));
  });
});

describe('shareRatio', () => {
  it.each([
    { name: 'on target', observed: 0.2, expected: 0.2, want: 1 },
    { name: 'twice its share', observed: 0.5, expected: 0.25, want: 2 },
    { name: 'starved', observed: 0.05, expected: 0.2, want: 0.25 },
    { name: 'none of its share', observed: 0, expected: 0.5, want: 0 },
    { name: 'no traffic at all', observed: NaN, expected: 0.5, want: NaN },
    { name: 'expected none and got none', observed: 0, expected: 0, want: 1 },
    {
      name: 'expected none but got some (down yet serving)',
      observed: 0.1,
      expected: 0,
      want: Infinity,
    },
  ])('$name', ({ observed, expected, want }) => {
    expect(shareRatio(observed, expected)).toEqual(close([want])[0]);
  });
});
