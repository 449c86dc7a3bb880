import { describe, expect, it } from 'vitest';
import { axisTicks, type AxisBox } from './axis-ticks';
import type { HeatmapGeometry } from './heatmap-geometry';

const MIN = 60_000;
const HOUR = 60 * MIN;
// 2024-05-15 14:03:20 UTC: not on a whole step
const T = Date.UTC(2024, 4, 15, 14, 3, 20);
const UTC_MINUS_4 = -4 * HOUR;
const INDIA = 5.5 * HOUR;

const box = (width: number): AxisBox => ({ width, labelWidth: 38, zoneWidth: 44, gap: 8 });
const geometry = (spanMs: number, intervalMs = 10_000): HeatmapGeometry => ({
  columns: Math.ceil(spanMs / intervalMs),
  intervalMs,
  newestT: T,
});

describe('axisTicks', () => {
  it('labels two hours on 1000 px every 10 minutes, at whole local ten minutes', () => {
    const ticks = axisTicks(geometry(2 * HOUR), UTC_MINUS_4, box(1000));
    const steps = ticks.slice(1).map((tick, i) => tick.t - ticks[i]!.t);
    expect(new Set(steps)).toStrictEqual(new Set([10 * MIN]));
    expect(ticks.every((tick) => tick.t % (10 * MIN) === 0)).toBe(true);
    expect(ticks.length).toBeGreaterThanOrEqual(10);
  });

  it('labels whole local half hours in a zone half an hour off', () => {
    const ticks = axisTicks(geometry(6 * HOUR), INDIA, box(800));
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) expect((tick.t + INDIA) % (30 * MIN)).toBe(0);
  });

  it('never overlaps, never leaves the axis, never reaches the zone label', () => {
    const windows = [5 * MIN, 6 * MIN, 15 * MIN, 40 * MIN, HOUR, 2 * HOUR, 6 * HOUR, 24 * HOUR];
    const faults: string[] = [];
    for (let width = 300; width <= 3840; width += 59) {
      for (const span of windows) {
        for (const interval of [1000, 10_000, 15_000]) {
          for (const offset of [0, UTC_MINUS_4, INDIA]) {
            for (const sizes of [box(width), { ...box(width), labelWidth: 90, zoneWidth: 120 }]) {
              const ticks = axisTicks(geometry(span, interval), offset, sizes);
              const half = sizes.labelWidth / 2;
              const zoneLeft = sizes.width - sizes.zoneWidth;
              const at = `${width} px, ${span / MIN} min, ${interval} ms, ${offset}`;
              for (const [i, tick] of ticks.entries()) {
                if (tick.x - half < 0) faults.push(`${at}: label ${i} off the left`);
                if (tick.x + half > zoneLeft) faults.push(`${at}: label ${i} on the zone`);
                if (i > 0 && tick.x - half <= ticks[i - 1]!.x + half)
                  faults.push(`${at}: labels ${i - 1} and ${i} overlap`);
              }
            }
          }
        }
      }
    }
    expect(faults).toStrictEqual([]);
  });

  it('still labels the axis at every width from 300 px, for windows up to 6 h', () => {
    for (let width = 300; width <= 3840; width += 37) {
      for (const span of [5 * MIN, 15 * MIN, HOUR, 6 * HOUR]) {
        expect(axisTicks(geometry(span), 0, box(width)).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it.each([
    { name: 'no frame yet', g: { ...geometry(HOUR), newestT: NaN }, width: 1000 },
    { name: 'an axis not laid out', g: geometry(HOUR), width: 0 },
  ])('nothing for $name', ({ g, width }) => {
    expect(axisTicks(g, 0, box(width))).toStrictEqual([]);
  });
});
