import { describe, expect, it } from 'vitest';
import { buildLatencyLut, latencyLutIndex } from '../../core/format/colour-scale';
import {
  OVERVIEW_DOWN,
  OVERVIEW_EMPTY,
  OVERVIEW_IDLE,
  type SeriesOverview,
} from '../../core/series/series-overview';
import { DEFAULT_CELL_COLOURS } from '../Heatmap/heatmap-pixels';
import { fillOverviewPixels, overviewRows } from './overview-pixels';

const LUT = buildLatencyLut();
const { empty, idle, down } = DEFAULT_CELL_COLOURS;
const ms = (v: number) => LUT[latencyLutIndex(v)]!;

/** an overview of `rows` (one array of cells per server) */
const overview = (rows: number[][]): SeriesOverview => ({
  from: 0,
  to: 1000,
  slices: rows[0]?.length ?? 1,
  servers: rows.map((_, i) => `s${i}`),
  cells: Float32Array.from(rows.flat()),
});

const fill = (o: SeriesOverview, rows: number) => {
  const pixels = new Uint32Array(o.slices * rows);
  fillOverviewPixels(pixels, o, rows, LUT);
  return Array.from({ length: rows }, (_, r) =>
    Array.from(pixels.subarray(r * o.slices, (r + 1) * o.slices)),
  );
};

describe('overviewRows', () => {
  it.each([
    { servers: 10, height: 48, want: 10 },
    { servers: 50, height: 48, want: 48 },
    { servers: 500, height: 47.9, want: 47 },
    { servers: 0, height: 48, want: 1 },
    { servers: 10, height: 0, want: 1 },
  ])('$servers servers in $height px -> $want rows', ({ servers, height, want }) => {
    expect(overviewRows(servers, height)).toBe(want);
  });
});

describe('fillOverviewPixels', () => {
  it('colours each cell as the heatmap does: latency, idle, down, nothing', () => {
    const o = overview([[20, OVERVIEW_IDLE, OVERVIEW_DOWN, OVERVIEW_EMPTY, 5000]]);
    expect(fill(o, 1)).toEqual([[ms(20), idle, down, empty, ms(5000)]]);
  });

  it('one pixel row per server while they fit', () => {
    const o = overview([
      [20, 30],
      [400, OVERVIEW_IDLE],
      [OVERVIEW_EMPTY, 9000],
    ]);
    expect(fill(o, 3)).toEqual([
      [ms(20), ms(30)],
      [ms(400), idle],
      [empty, ms(9000)],
    ]);
  });

  it('folds servers into fewer rows, each the worst of its servers', () => {
    const o = overview([
      [20, OVERVIEW_IDLE, 30, OVERVIEW_EMPTY],
      [400, 15, OVERVIEW_DOWN, OVERVIEW_EMPTY],
      [10, 10, 10, 10],
      [OVERVIEW_IDLE, OVERVIEW_EMPTY, 10, OVERVIEW_IDLE],
    ]);
    expect(fill(o, 2)).toEqual([
      [ms(400), ms(15), down, empty],
      [ms(10), ms(10), ms(10), ms(10)],
    ]);
  });

  it('folds an odd count with no server left out', () => {
    const o = overview([[10], [20], [30], [40], [5000]]);
    // rows of servers [0, 1), [1, 3), [3, 5)
    expect(fill(o, 3)).toEqual([[ms(10)], [ms(30)], [ms(5000)]]);
  });

  it('paints nothing but empty for a recording with no server', () => {
    const o: SeriesOverview = { from: 0, to: 1, slices: 3, servers: [], cells: new Float32Array() };
    expect(fill(o, 1)).toEqual([[empty, empty, empty]]);
  });
});
