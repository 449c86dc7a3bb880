import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationKind } from '../../core/protocol/protocol';
import { axisTicks } from '../Heatmap/axis-ticks';
import { xFraction } from '../Heatmap/heatmap-geometry';
import {
  overviewEvents,
  overviewFlags,
  spanFraction,
  spanGeometry,
  timeAtFraction,
} from './overview-marks';

const MIN = 60_000;
const FROM = Date.UTC(2024, 4, 15, 13, 30, 10);
const TO = FROM + 3 * 60 * MIN;

const note = (
  id: string,
  t: number,
  kind: AnnotationKind = 'note',
  source?: string,
): Annotation => ({
  v: 1,
  id,
  t,
  title: id,
  kind,
  ...(source !== undefined && { source }),
});

describe('spanFraction', () => {
  it.each([
    { t: FROM, want: 0 },
    { t: TO, want: 1 },
    { t: FROM + 90 * MIN, want: 0.5 },
    { t: FROM - MIN, want: 0 },
    { t: TO + MIN, want: 1 },
  ])('$t -> $want', ({ t, want }) => {
    expect(spanFraction(t, FROM, TO)).toBeCloseTo(want, 12);
  });

  it('puts everything at the left edge of a recording of one frame', () => {
    expect(spanFraction(FROM, FROM, FROM)).toBe(0);
  });
});

describe('timeAtFraction: the time under a point, on the frames grid', () => {
  it.each([
    { fraction: 0, want: FROM },
    { fraction: 1, want: TO },
    { fraction: 0.5, want: FROM + 90 * MIN },
    // 1/7 of 3 h is 25 min 42.86 s: the nearest 10 s frame
    { fraction: 1 / 7, want: FROM + 25 * MIN + 40_000 },
    { fraction: -0.2, want: FROM },
    { fraction: 1.3, want: TO },
    { fraction: NaN, want: FROM },
  ])('$fraction -> $want', ({ fraction, want }) => {
    expect(timeAtFraction(fraction, FROM, TO, 10_000)).toBe(want);
  });

  it('never rounds past the last frame of a span that is not whole frames', () => {
    expect(timeAtFraction(1, FROM, FROM + 26_000, 10_000)).toBe(FROM + 26_000);
    // 25.7 s rounds to the 30 s step, past the end
    expect(timeAtFraction(0.99, FROM, FROM + 26_000, 10_000)).toBe(FROM + 26_000);
  });

  it('takes the exact time when there is no grid', () => {
    expect(timeAtFraction(0.25, 0, 1000, 0)).toBe(250);
  });

  it('is the inverse of spanFraction at each frame', () => {
    for (let t = FROM; t <= TO; t += 7 * 10_000) {
      expect(timeAtFraction(spanFraction(t, FROM, TO), FROM, TO, 10_000)).toBe(t);
    }
  });
});

describe('spanGeometry: the heatmap time axis over the whole strip', () => {
  const g = spanGeometry(FROM, TO);

  it('places the first frame at the left edge, the last at the right, linearly', () => {
    expect(xFraction(FROM, g)).toBeCloseTo(0, 9);
    expect(xFraction(TO, g)).toBeCloseTo(1, 9);
    expect(xFraction(FROM + 45 * MIN, g)).toBeCloseTo(0.25, 9);
  });

  it('gives the axis labels at whole steps of the clock, inside the strip and apart', () => {
    const box = { width: 900, labelWidth: 40, zoneWidth: 40, gap: 20 };
    const ticks = axisTicks(g, 0, box);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const { t, x } of ticks) {
      expect(t % (15 * MIN)).toBe(0);
      expect(x).toBeCloseTo(spanFraction(t, FROM, TO) * box.width, 6);
      expect(x - box.labelWidth / 2).toBeGreaterThanOrEqual(0);
      expect(x + box.labelWidth / 2).toBeLessThanOrEqual(box.width - box.zoneWidth - box.gap);
    }
    for (let i = 1; i < ticks.length; i++) {
      expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(box.labelWidth + box.gap);
    }
  });
});

describe('overviewEvents', () => {
  it('takes every alert episode in place of the ones the cursor has reached, in time order', () => {
    const held = [
      note('change', FROM + 25 * MIN, 'change', 'postmortem'),
      note('alert:skew:1', FROM + 26 * MIN, 'alert', 'detector'),
      note('mine', FROM + 100 * MIN),
    ];
    const episodes = [
      note('alert:skew:1', FROM + 26 * MIN, 'alert', 'detector'),
      note('alert:down:2', FROM + 150 * MIN, 'alert', 'detector'),
    ];
    expect(overviewEvents(held, episodes).map((a) => a.id)).toEqual([
      'change',
      'alert:skew:1',
      'mine',
      'alert:down:2',
    ]);
  });

  it('keeps an alert a postmortem wrote: only the detector’s own are replaced', () => {
    const held = [note('pm-alert', FROM, 'alert', 'postmortem')];
    expect(overviewEvents(held, []).map((a) => a.id)).toEqual(['pm-alert']);
  });
});

describe('overviewFlags', () => {
  const events = [
    note('a', FROM + 10 * MIN),
    note('b', FROM + 10 * MIN + 20_000, 'alert'),
    note('c', FROM + 60 * MIN),
    note('d', FROM + 61 * MIN),
    note('e', FROM + 170 * MIN, 'resolved'),
  ];

  it('one flag per event while they are apart', () => {
    const flags = overviewFlags(events, FROM, TO, 0.001);
    expect(flags.map((f) => [f.start, f.count])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });

  it('events closer than a flag are one flag with their count, of mixed kind', () => {
    // a flag 1% of 3 h wide: 108 s
    const flags = overviewFlags(events, FROM, TO, 0.01);
    expect(flags.map((f) => [f.start, f.count, f.kind])).toEqual([
      [0, 2, undefined],
      [2, 2, 'note'],
      [4, 1, 'resolved'],
    ]);
  });

  it('leaves out events outside the recording', () => {
    const outside = [note('before', FROM - MIN), ...events, note('after', TO + MIN)];
    const flags = overviewFlags(outside, FROM, TO, 0.001);
    expect(flags.map((f) => outside[f.start]!.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
