import { describe, expect, it } from 'vitest';
import { deskChartSizing, wallChartSizing } from './chart-sizing';

describe('deskChartSizing', () => {
  it.each([
    { rows: 1, height: 120 },
    { rows: 10, height: 340 },
    { rows: 60, height: 1840 },
  ])('$rows bars of 12 px: $height px tall', ({ rows, height }) => {
    const s = deskChartSizing(rows, 6);
    expect(s.heightPx).toBe(height);
    expect(s.barPx).toBe(12);
  });

  it('names axis as wide as the longest name, within 64..200 px', () => {
    expect(deskChartSizing(10, 2).nameAxisPx).toBe(64);
    expect(deskChartSizing(10, 12).nameAxisPx).toBeCloseTo(104.16);
    expect(deskChartSizing(10, 60).nameAxisPx).toBe(200);
  });
});

describe('wallChartSizing', () => {
  it.each([
    { how: '1080p', fontPx: 24.3, heightPx: 540, namePx: 21, tickPx: 18 },
    { how: '2160p: twice the type', fontPx: 48.6, heightPx: 1080, namePx: 41, tickPx: 36 },
  ])('$how: type follows the page', ({ fontPx, heightPx, namePx, tickPx }) => {
    const s = wallChartSizing(10, 6, fontPx, heightPx);
    expect(s.namePx).toBe(namePx);
    expect(s.tickPx).toBe(tickPx);
    // the layout gives the height and recharts shares it between the bars
    expect(s.heightPx).toBeUndefined();
    expect(s.barPx).toBeUndefined();
  });

  it.each([
    { how: 'ten servers in 540 px', rows: 10, heightPx: 540, everyName: true },
    { how: 'sixty servers in 540 px', rows: 60, heightPx: 540, everyName: false },
    { how: 'not measured yet', rows: 10, heightPx: 0, everyName: false },
    { how: 'no servers', rows: 0, heightPx: 540, everyName: true },
  ])('$how: every bar named = $everyName', ({ rows, heightPx, everyName }) => {
    expect(wallChartSizing(rows, 6, 24, heightPx).everyName).toBe(everyName);
  });
});
