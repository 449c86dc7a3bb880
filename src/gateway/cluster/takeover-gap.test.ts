import { describe, expect, it } from 'vitest';
import type { SourceFrame, SourceSink } from '../sources/source';
import { takeoverGap, takeoverSink } from './takeover-gap';

const T = Date.UTC(2024, 4, 15, 13, 30);
const frame = (t: number, intervalMs = 10_000): SourceFrame => ({ t, intervalMs, samples: [] });

describe('takeoverGap', () => {
  it.each([
    { name: 'the next frame: nothing missed', firstT: T + 10_000, missed: undefined },
    { name: 'a late timer: still the next frame', firstT: T + 14_000, missed: undefined },
    { name: 'one interval skipped', firstT: T + 20_000, missed: '1 frame missed' },
    { name: 'eight skipped', firstT: T + 90_000, missed: '8 frames missed' },
    { name: 'a frame from the past', firstT: T - 10_000, missed: undefined },
  ])('$name', ({ firstT, missed }) => {
    const gap = takeoverGap(T, frame(firstT), 'gw-b');
    expect(gap?.title.replace('Gateway takeover: ', '')).toBe(missed);
  });

  it('spans the hole, from the last frame to the first new one', () => {
    expect(takeoverGap(T, frame(T + 40_000), 'gw-b')).toMatchObject({
      t: T,
      endT: T + 40_000,
      kind: 'change',
    });
  });
});

describe('takeoverSink', () => {
  const recorder = () => {
    const got: string[] = [];
    const sink: SourceSink = {
      info: () => got.push('info'),
      annotation: (a) => got.push(`annotation ${a.title}`),
      frame: (f) => got.push(`frame ${f.t - T}`),
    };
    return { got, sink };
  };

  it('notes the gap before the first frame only', () => {
    const { got, sink } = recorder();
    const wrapped = takeoverSink(sink, T, 'gw-b');
    wrapped.frame(frame(T + 30_000));
    wrapped.frame(frame(T + 60_000));
    expect(got).toEqual([
      'annotation Gateway takeover: 2 frames missed',
      'frame 30000',
      'frame 60000',
    ]);
  });

  it('notes nothing for a cluster that had no frame yet', () => {
    const { got, sink } = recorder();
    takeoverSink(sink, undefined, 'gw-b').frame(frame(T + 30_000));
    expect(got).toEqual(['frame 30000']);
  });
});
