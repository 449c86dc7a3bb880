import { describe, expect, it } from 'vitest';
import { columnOfTime, timeOfColumn, xFraction, type HeatmapGeometry } from './heatmap-geometry';

// ten columns, one a second, the newest frame (t = 100 s) in column 9
const g: HeatmapGeometry = { columns: 10, intervalMs: 1000, newestT: 100_000 };

describe('columnOfTime', () => {
  it.each([
    { t: 100_000, want: 9 },
    { t: 99_000, want: 8 },
    { t: 91_000, want: 0 },
    { t: 90_000, want: -1 },
    { t: 101_000, want: 10 },
    { t: 99_600, want: 9 },
    { t: 99_400, want: 8 },
    { t: 40_000, want: -51 },
  ])('t=$t -> column $want', ({ t, want }) => {
    expect(columnOfTime(t, g)).toBe(want);
  });
});

describe('timeOfColumn', () => {
  it.each([
    { column: 9, want: 100_000 },
    { column: 8, want: 99_000 },
    { column: 0, want: 91_000 },
    { column: -1, want: 90_000 },
  ])('column $column -> t=$want', ({ column, want }) => {
    expect(timeOfColumn(column, g)).toBe(want);
  });

  it('is the inverse of columnOfTime for every column', () => {
    for (let c = 0; c < g.columns; c++) expect(columnOfTime(timeOfColumn(c, g), g)).toBe(c);
  });
});

describe('xFraction', () => {
  it.each([
    { t: 100_000, want: 0.95 },
    { t: 91_000, want: 0.05 },
    { t: 95_500, want: 0.5 },
    { t: 99_500, want: 0.9 },
    { t: 90_500, want: 0 },
    { t: 100_500, want: 1 },
    { t: 90_400, want: NaN },
    { t: 100_600, want: NaN },
  ])('t=$t -> $want', ({ t, want }) => {
    const x = xFraction(t, g);
    if (Number.isNaN(want)) expect(x).toBeNaN();
    else expect(x).toBeCloseTo(want, 9);
  });

  it('puts a time in the middle of its column', () => {
    for (let c = 0; c < g.columns; c++) {
      expect(xFraction(timeOfColumn(c, g), g)).toBeCloseTo((c + 0.5) / g.columns, 9);
    }
  });
});
