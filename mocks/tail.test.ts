import { describe, expect, it } from 'vitest';
import { exceedFraction } from './tail';

const l = { p50: 100, p95: 300, p99: 500 };

describe('exceedFraction', () => {
  it.each([
    { x: -5, want: 1 },
    { x: 0, want: 1 },
    { x: 100, want: 0.5 },
    { x: 300, want: 0.05 },
    { x: 500, want: 0.01 },
    { x: 700, want: 0.002 }, // one more p95..p99 span past p99: another factor of 5
  ])('at $x ms is $want', ({ x, want }) => {
    expect(exceedFraction(x, l)).toBeCloseTo(want, 6);
  });

  it('falls monotonically', () => {
    const xs = [0, 50, 100, 200, 300, 400, 500, 1000, 5000];
    const fs = xs.map((x) => exceedFraction(x, l));
    for (let i = 1; i < fs.length; i++) expect(fs[i]).toBeLessThan(fs[i - 1]!);
  });

  it.each([
    { name: 'all equal', l: { p50: 200, p95: 200, p99: 200 }, x: 300, want: 0 },
    { name: 'p95 = p99', l: { p50: 100, p95: 200, p99: 200 }, x: 200, want: 0.05 },
  ])('copes with equal percentiles ($name)', ({ l, x, want }) => {
    expect(exceedFraction(x, l)).toBeCloseTo(want, 6);
  });
});
