import { describe, expect, it } from 'vitest';
import type { Annotation, Frame, Hello } from '../protocol/protocol';
import { parseRecording } from './recording';
import { overlapsWindow, parseWindow, recordingOfWindow } from './recording-window';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const hello: Hello = {
  v: 1,
  source: 'sim:lb-misconfig',
  mode: 'live',
  intervalMs: 1000,
  servers: [{ id: 'a', weight: 1 }],
  now: T0 + 9000,
  oldestSeq: 0,
  gatewayId: 'g1',
};
const frames: Frame[] = Array.from({ length: 10 }, (_, seq) => ({
  v: 1,
  seq,
  t: T0 + seq * 1000,
  intervalMs: 1000,
  samples: [{ id: 'a', requests: 5, latencyMs: { p50: 1, p95: 2, p99: 3 } }],
}));
const note = (id: string, t: number, endT?: number): Annotation => ({
  v: 1,
  id,
  t,
  ...(endT !== undefined && { endT }),
  title: id,
  kind: 'note',
});

describe('overlapsWindow', () => {
  const w = { from: 100, to: 200 };
  it.each([
    { a: note('inside', 150), want: true },
    { a: note('at from', 100), want: true },
    { a: note('at to', 200), want: true },
    { a: note('before', 99), want: false },
    { a: note('after', 201), want: false },
    { a: note('span across from', 50, 120), want: true },
    { a: note('span across to', 180, 300), want: true },
    { a: note('span over the window', 0, 1000), want: true },
    { a: note('span ending before', 0, 99), want: false },
  ])('$a.id -> $want', ({ a, want }) => {
    expect(overlapsWindow(a, w)).toBe(want);
  });
});

describe('recordingOfWindow', () => {
  it('writes the hello, the overlapping annotations by time, then the frames of the window', () => {
    const notes = [note('late', T0 + 5500), note('early', T0 + 2500), note('outside', T0 + 9500)];
    const text = recordingOfWindow(hello, notes, frames, { from: T0 + 2000, to: T0 + 6000 });
    const { payloads, warning } = parseRecording(text);
    expect(warning).toBeUndefined();
    expect(
      payloads.map((p) =>
        p.type === 'frame' ? p.payload.seq : p.type === 'annotation' ? p.payload.id : p.type,
      ),
    ).toEqual(['hello', 'early', 'late', 2, 3, 4, 5, 6]);
    // the hello says where this file's frames start, not where the buffer does
    expect(payloads[0]!.payload).toMatchObject({ oldestSeq: 2, gatewayId: 'g1', mode: 'live' });
  });

  it('is a loadable hello alone when the window holds nothing', () => {
    const text = recordingOfWindow(hello, [], frames, { from: 0, to: 1 });
    const { payloads } = parseRecording(text);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]!.payload).not.toHaveProperty('oldestSeq');
  });

  it('takes everything for an unbounded window', () => {
    const text = recordingOfWindow(hello, [note('n', 1)], frames, {
      from: -Infinity,
      to: Infinity,
    });
    expect(parseRecording(text).payloads).toHaveLength(12);
  });
});

describe('parseWindow', () => {
  it.each([
    { from: null, to: null, want: { from: -Infinity, to: Infinity } },
    { from: '1000', to: '2000', want: { from: 1000, to: 2000 } },
    { from: '1000', to: null, want: { from: 1000, to: Infinity } },
    { from: null, to: '5', want: { from: -Infinity, to: 5 } },
    { from: '7', to: '7', want: { from: 7, to: 7 } },
  ])('from=$from to=$to', ({ from, to, want }) => {
    expect(parseWindow(from, to)).toEqual(want);
  });

  it.each([
    { from: 'abc', to: null, names: 'from' },
    { from: '', to: null, names: 'from' },
    { from: null, to: 'soon', names: 'to' },
    { from: '1', to: '1e400', names: 'to' },
    { from: 'NaN', to: '2', names: 'from' },
    { from: '5', to: '1', names: 'from (5) is after to (1)' },
  ])('from=$from to=$to is an error naming $names', ({ from, to, names }) => {
    const got = parseWindow(from, to);
    expect(got).toHaveProperty('error');
    expect((got as { error: string }).error).toContain(names);
  });
});
