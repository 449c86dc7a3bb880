import { describe, expect, it } from 'vitest';
import type { Annotation, Frame, Hello } from '../protocol/protocol';
import type { RecordedPayload } from './recording';
import { createRestore, type RestoreItem } from './recording-restore';

const hello = (gatewayId: string | undefined, source = 'sim:x'): RecordedPayload => ({
  type: 'hello',
  payload: {
    v: 1,
    source,
    mode: 'live',
    intervalMs: 1000,
    servers: [],
    now: 0,
    ...(gatewayId !== undefined && { gatewayId }),
  } satisfies Hello,
});
const frame = (seq: number): RecordedPayload => ({
  type: 'frame',
  payload: { v: 1, seq, t: seq * 1000, intervalMs: 1000, samples: [] } satisfies Frame,
});
const note = (id: string): RecordedPayload => ({
  type: 'annotation',
  payload: { v: 1, id, t: 0, title: id, kind: 'note' } satisfies Annotation,
});
const removal = (id: string): RecordedPayload => ({
  type: 'annotation:remove',
  payload: { v: 1, id },
});
const counted = (count: number): RestoreItem => ({ type: 'counted-frames', count });
const frames = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => frame(from + i));

describe('createRestore', () => {
  it.each([
    {
      case: 'one run',
      items: [hello('g'), ...frames(0, 4)],
      want: {
        nextSeq: 5,
        gatewayId: 'g',
        seqs: [0, 1, 2, 3, 4],
        source: { source: 'sim:x', frames: 5 },
      },
    },
    {
      case: 'a restart of the same run carries on',
      items: [hello('g'), ...frames(0, 2), hello('g'), ...frames(3, 4)],
      want: {
        nextSeq: 5,
        gatewayId: 'g',
        seqs: [0, 1, 2, 3, 4],
        source: { source: 'sim:x', frames: 5 },
      },
    },
    {
      case: 'another gateway starts a new run',
      items: [hello('g'), ...frames(0, 2), hello('h'), ...frames(0, 1)],
      want: { nextSeq: 2, gatewayId: 'h', seqs: [0, 1], source: { source: 'sim:x', frames: 2 } },
    },
    {
      case: 'another source starts a new position',
      items: [hello('g'), ...frames(0, 2), hello('g', 'sim:y'), ...frames(3, 3)],
      want: { nextSeq: 4, gatewayId: 'g', seqs: [3], source: { source: 'sim:y', frames: 1 } },
    },
    {
      case: 'frames only counted still count for the position',
      items: [hello('g'), counted(100), hello('g'), ...frames(100, 101)],
      want: {
        nextSeq: 102,
        gatewayId: 'g',
        seqs: [100, 101],
        source: { source: 'sim:x', frames: 102 },
      },
    },
    {
      case: 'only the newest frames are kept',
      items: [hello('g'), ...frames(0, 9)],
      want: {
        nextSeq: 10,
        gatewayId: 'g',
        seqs: [5, 6, 7, 8, 9],
        source: { source: 'sim:x', frames: 10 },
      },
    },
    {
      case: 'no frames yet',
      items: [hello('g')],
      want: {
        nextSeq: undefined,
        gatewayId: 'g',
        seqs: [],
        source: { source: 'sim:x', frames: 0 },
      },
    },
    {
      case: 'a hello without an id',
      items: [hello(undefined), ...frames(0, 0)],
      want: { nextSeq: 1, gatewayId: undefined, seqs: [0], source: { source: 'sim:x', frames: 1 } },
    },
  ])('$case', ({ items, want }) => {
    const restore = createRestore(5);
    for (const item of items) restore.add(item);
    const got = restore.result();
    expect(got.nextSeq).toBe(want.nextSeq);
    expect(got.gatewayId).toBe(want.gatewayId);
    expect(got.frames.map((f) => f.seq)).toEqual(want.seqs);
    expect(got.source).toEqual(want.source);
  });

  it('holds the annotations as last written, across runs', () => {
    const restore = createRestore(3);
    for (const item of [hello('g'), note('a'), note('b'), removal('a'), hello('h'), note('c')])
      restore.add(item);
    expect(restore.result().annotations.map((a) => a.id)).toEqual(['b', 'c']);
  });

  it('restores nothing from nothing', () => {
    expect(createRestore(3).result()).toEqual({ frames: [], annotations: [] });
  });
});

describe("the run's last hello, for its detector", () => {
  it('is kept', () => {
    const restore = createRestore(10);
    const last = hello('g', 'sim:y');
    for (const item of [hello('g'), ...frames(0, 1), last, ...frames(2, 3)]) restore.add(item);
    expect(restore.result().hello).toEqual(last.payload);
  });
});
