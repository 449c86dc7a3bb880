import { describe, expect, it } from 'vitest';
import type { Hello } from '../../core/protocol/protocol';
import type { RecordedPayload } from '../../core/recording/recording';
import { replaySource } from './replay-source';
import type { SourceFrame, SourceInfo, SourceSink } from './source';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const hello: Hello = {
  v: 1,
  source: 'sim:lb-misconfig',
  mode: 'live',
  intervalMs: 1000,
  tz: '-04:00',
  servers: [{ id: 'a', weight: 1 }],
  now: T0,
  gatewayId: 'recorded',
};
const recording = (frames: number, stepMs = 1000): RecordedPayload[] => [
  { type: 'hello', payload: hello },
  { type: 'annotation', payload: { v: 1, id: 'n1', t: T0, title: 'deploy', kind: 'change' } },
  ...Array.from({ length: frames }, (_, i): RecordedPayload => ({
    type: 'frame',
    payload: { v: 1, seq: 100 + i, t: T0 + i * stepMs, intervalMs: 1000, samples: [] },
  })),
];

/** A sink noting what arrives and when. */
function sink() {
  const got = {
    infos: [] as SourceInfo[],
    frames: [] as (SourceFrame & { at: number })[],
    notes: [] as string[],
  };
  const s: SourceSink = {
    info: (i) => got.infos.push(i),
    frame: (f) => got.frames.push({ ...f, at: performance.now() }),
    annotation: (a) => got.notes.push(a.id),
  };
  return { got, s };
}

const until = async (ok: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('replaySource', () => {
  it('announces a replay, then plays every frame and note in order, unnumbered', async () => {
    const logs: string[] = [];
    const { got, s } = sink();
    const source = replaySource({
      payloads: recording(50),
      file: 'runs/incident.ndjson',
      speed: 1e6,
      log: (m) => logs.push(m),
    });
    source.start(s);
    await until(() => logs.length > 0);
    expect(got.infos[0]).toEqual({
      source: 'replay:incident.ndjson',
      mode: 'replay',
      intervalMs: 1000,
      tz: '-04:00',
      servers: hello.servers,
      speed: 1e6,
    });
    expect(got.notes).toEqual(['n1']);
    expect(got.frames.map((f) => f.t)).toEqual(Array.from({ length: 50 }, (_, i) => T0 + i * 1000));
    // the hub numbers them, as any source's
    expect(got.frames[0]).not.toHaveProperty('seq');
    expect(logs).toEqual(['replay finished: 50 frames of runs/incident.ndjson']);
    source.stop();
  });

  it.each([
    { recorded: 'mean' as const, want: { latency: 'mean' } },
    { recorded: 'quantiles' as const, want: { latency: 'quantiles' } },
    { recorded: undefined, want: {} },
  ])('announces the recorded hello.latency ($recorded) again', ({ recorded, want }) => {
    const { got, s } = sink();
    const payloads = recording(0);
    payloads[0] = { type: 'hello', payload: { ...hello, latency: recorded } };
    const source = replaySource({ payloads, file: 'r.ndjson', speed: 1, log: () => {} });
    source.start(s);
    source.stop();
    expect(got.infos[0]).toEqual({
      source: 'replay:r.ndjson',
      mode: 'replay',
      intervalMs: 1000,
      tz: '-04:00',
      servers: hello.servers,
      speed: 1,
      ...want,
    });
  });

  it('paces frames by their own t divided by the speed', async () => {
    const { got, s } = sink();
    // frames 1 s apart at 20x: 50 ms apart
    const source = replaySource({
      payloads: recording(5),
      file: 'r.ndjson',
      speed: 20,
      log: () => {},
    });
    source.start(s);
    await until(() => got.frames.length === 5);
    const gaps = got.frames.slice(1).map((f, i) => f.at - got.frames[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThan(35);
    const total = got.frames.at(-1)!.at - got.frames[0]!.at;
    expect(total).toBeGreaterThanOrEqual(195);
    expect(total).toBeLessThan(600);
    source.stop();
  });

  it('stops sending when stopped', async () => {
    const { got, s } = sink();
    const source = replaySource({
      payloads: recording(100),
      file: 'r.ndjson',
      speed: 100,
      log: () => {},
    });
    source.start(s);
    await until(() => got.frames.length >= 2);
    source.stop();
    const held = got.frames.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(got.frames.length).toBe(held);
  });

  it('carries on after the frames an earlier run played', async () => {
    const { got, s } = sink();
    const logs: string[] = [];
    const source = replaySource({
      payloads: recording(10),
      file: 'r.ndjson',
      speed: 1e6,
      skipFrames: 7,
      log: (m) => logs.push(m),
    });
    source.start(s);
    await until(() => logs.length > 0);
    expect(got.frames.map((f) => f.t)).toEqual([T0 + 7000, T0 + 8000, T0 + 9000]);
  });
});
