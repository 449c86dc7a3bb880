import { describe, expect, it } from 'vitest';
import type { Hello } from '../protocol/protocol';
import type { RecordedPayload } from './recording';
import { replayPlan } from './replay-plan';

const hello = (servers: string[]): RecordedPayload => ({
  type: 'hello',
  payload: {
    v: 1,
    source: 'sim:x',
    mode: 'live',
    intervalMs: 1000,
    servers: servers.map((id) => ({ id, weight: 1 })),
    now: 500,
  } satisfies Hello,
});
const frame = (seq: number): RecordedPayload => ({
  type: 'frame',
  payload: { v: 1, seq, t: 1000 + seq * 1000, intervalMs: 1000, samples: [] },
});
const note = (id: string): RecordedPayload => ({
  type: 'annotation',
  payload: { v: 1, id, t: 0, title: id, kind: 'note' },
});
const alert = (t: number): RecordedPayload => ({
  type: 'alert',
  payload: {
    v: 1,
    id: `share-skew:a:${t}`,
    state: 'firing',
    t,
    since: t,
    rule: 'share-skew',
    servers: ['a'],
    cause: 'load-balancer',
    message: 'a gets 2x its weighted share',
  },
});
const removal = (id: string): RecordedPayload => ({
  type: 'annotation:remove',
  payload: { v: 1, id },
});

/** Each step as its t and a short name per item. */
const shape = (payloads: RecordedPayload[], skip?: number) => {
  const plan = replayPlan(payloads, skip);
  return {
    hello: plan.hello.servers.map((s) => s.id).join(','),
    frames: plan.frames,
    steps: plan.steps.map((s) => [
      s.t,
      s.items.map((i) =>
        i.type === 'frame' ? `f${i.payload.seq}` : i.type === 'annotation' ? i.payload.id : 'hello',
      ),
    ]),
  };
};

describe('replayPlan', () => {
  it.each([
    {
      case: 'frames at their own t',
      payloads: [hello(['a']), frame(0), frame(1), frame(2)],
      skip: 0,
      want: {
        hello: 'a',
        frames: 3,
        steps: [
          [1000, ['f0']],
          [2000, ['f1']],
          [3000, ['f2']],
        ],
      },
    },
    {
      case: 'annotations and hellos come with the next frame',
      payloads: [hello(['a']), note('n1'), frame(0), hello(['a', 'b']), note('n2'), frame(1)],
      skip: 0,
      want: {
        hello: 'a',
        frames: 2,
        steps: [
          [1000, ['n1', 'f0']],
          [2000, ['hello', 'n2', 'f1']],
        ],
      },
    },
    {
      case: 'what follows the last frame comes with it',
      payloads: [hello(['a']), frame(0), note('n1')],
      skip: 0,
      want: {
        hello: 'a',
        frames: 1,
        steps: [
          [1000, ['f0']],
          [1000, ['n1']],
        ],
      },
    },
    {
      case: 'a note removed later is never sent',
      payloads: [hello(['a']), note('gone'), note('kept'), frame(0), removal('gone')],
      skip: 0,
      want: { hello: 'a', frames: 1, steps: [[1000, ['kept', 'f0']]] },
    },
    {
      case: 'a note removed and written again is sent',
      payloads: [hello(['a']), note('n'), removal('n'), frame(0), note('n'), frame(1)],
      skip: 0,
      want: {
        hello: 'a',
        frames: 2,
        steps: [
          [1000, ['n', 'f0']],
          [2000, ['n', 'f1']],
        ],
      },
    },
    {
      case: 'skipped frames: their hello is the first, their notes come at once',
      payloads: [hello(['a']), note('n1'), frame(0), hello(['a', 'b']), frame(1), frame(2)],
      skip: 2,
      want: { hello: 'a,b', frames: 1, steps: [[3000, ['n1', 'f2']]] },
    },
    {
      case: "recorded alerts are not replayed: the replaying gateway's detector sends its own",
      payloads: [hello(['a']), frame(0), alert(1000), frame(1), alert(2000)],
      skip: 0,
      want: {
        hello: 'a',
        frames: 2,
        steps: [
          [1000, ['f0']],
          [2000, ['f1']],
        ],
      },
    },
    {
      case: 'a hello alone',
      payloads: [hello(['a'])],
      skip: 0,
      want: { hello: 'a', frames: 0, steps: [] },
    },
  ])('$case', ({ payloads, skip, want }) => {
    expect(shape(payloads, skip)).toEqual(want);
  });
});
