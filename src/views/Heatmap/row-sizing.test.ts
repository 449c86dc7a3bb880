import { describe, expect, it } from 'vitest';
import { deskRowPx, fittedRowPx, legibleRowPx, MIN_ROW_PX, rowsThatFit } from './row-sizing';

describe('deskRowPx', () => {
  it.each([
    { rows: 1, want: 28 },
    { rows: 10, want: 28 },
    { rows: 20, want: 28 },
    { rows: 21, want: 26 },
    { rows: 100, want: 5 },
    { rows: 1000, want: 2 },
  ])('$rows rows: $want px', ({ rows, want }) => {
    expect(deskRowPx(rows)).toBe(want);
  });
});

describe('fittedRowPx', () => {
  it.each([
    { how: 'ten servers on a 1080p wall', available: 600, rows: 10, min: 24, want: 60 },
    { how: 'ten servers on a 4K wall', available: 1300, rows: 10, min: 48, want: 130 },
    { how: 'whole pixels, rounded down', available: 605, rows: 10, min: 24, want: 60 },
    {
      how: 'more rows than fit shrink below the minimum',
      available: 600,
      rows: 100,
      min: 24,
      want: 6,
    },
    { how: 'never under 2 px', available: 600, rows: 1000, min: 24, want: 2 },
    { how: 'no rows yet', available: 600, rows: 0, min: 24, want: 24 },
    { how: 'box not measured yet', available: 0, rows: 10, min: 24, want: 24 },
  ])('$how', ({ available, rows, min, want }) => {
    expect(fittedRowPx(available, rows, min)).toBe(want);
  });
});

describe('rowsThatFit', () => {
  it.each([
    { available: 600, min: 24, want: 25 },
    { available: 599, min: 24, want: 24 },
    { available: 10, min: 24, want: 1 },
    { available: 0, min: 24, want: 1 },
    { available: Number.NaN, min: 24, want: 1 },
  ])('$available px of $min px rows: $want', ({ available, min, want }) => {
    expect(rowsThatFit(available, min)).toBe(want);
  });

  it('agrees with fittedRowPx: up to rowsThatFit rows keep the minimum', () => {
    for (const available of [300, 601, 1300]) {
      const fit = rowsThatFit(available, 24);
      expect(fittedRowPx(available, fit, 24)).toBeGreaterThanOrEqual(24);
      expect(fittedRowPx(available, fit + 1, 24)).toBeLessThan(24);
    }
  });
});

describe('legibleRowPx', () => {
  it.each([
    { font: 12.75, want: 15 },
    { font: 20.4, want: 24 },
    { font: 41.3, want: 48 },
    { font: 4, want: MIN_ROW_PX },
  ])('a $font px label needs $want px', ({ font, want }) => {
    expect(legibleRowPx(font)).toBe(want);
  });
});
