import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedPercentile, weightedPercentileBin } from './weighted-percentile';

describe('weightedPercentile', () => {
  it.each([
    { values: [10, 20, 30], weights: [1, 1, 1], q: 0.95, expected: 30 },
    { values: [10, 20, 30], weights: [1, 1, 1], q: 0.5, expected: 20 },
    // nearly all requests went to the fast server: its p95 is the band's
    { values: [10, 500], weights: [99, 1], q: 0.95, expected: 10 },
    { values: [10, 500], weights: [90, 10], q: 0.95, expected: 500 },
    { values: [500, 10], weights: [10, 90], q: 0.95, expected: 500 },
    // no requests, no latency: left out
    { values: [NaN, 40], weights: [5, 5], q: 0.95, expected: 40 },
    { values: [900, 40], weights: [0, 5], q: 0.95, expected: 40 },
    { values: [NaN], weights: [5], q: 0.95, expected: NaN },
    { values: [], weights: [], q: 0.95, expected: NaN },
  ])('$values weighted $weights at $q -> $expected', ({ values, weights, q, expected }) => {
    expect(weightedPercentile(values, weights, q)).toBe(expected);
  });
});

describe('weightedPercentileBin', () => {
  it.each([
    { bins: [0, 0, 0], q: 0.95, expected: -1 },
    { bins: [1, 0, 1], q: 0.5, expected: 0 },
    { bins: [1, 0, 1], q: 0.95, expected: 2 },
    { bins: [0, 99, 1], q: 0.95, expected: 1 },
  ])('$bins at $q -> bin $expected', ({ bins, q, expected }) => {
    expect(weightedPercentileBin(bins, q)).toBe(expected);
  });

  it('finds the bin of the weighted percentile, for any order-keeping binning', () => {
    const bin = (v: number) => Math.floor(Math.log2(v));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 500 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (cells, q) => {
          const values = cells.map(([v]) => v);
          const weights = cells.map(([, w]) => w);
          const bins = new Float64Array(20);
          cells.forEach(([v, w]) => (bins[bin(v)]! += w));
          const exact = weightedPercentile(values, weights, q);
          expect(weightedPercentileBin(bins, q)).toBe(Number.isNaN(exact) ? -1 : bin(exact));
        },
      ),
    );
  });
});
