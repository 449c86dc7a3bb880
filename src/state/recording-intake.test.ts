import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../mocks/scenarios';
import { recordScenario } from '../../mocks/record-scenario';
import { alertTimelineOf, buildAlertTimeline } from '../core/recording/alert-timeline';
import { parseRecording } from '../core/recording/recording';
import { unpackRecording } from '../core/recording/recording-contents';
import { SeriesStore } from '../core/series/series-store';
import { createRecordingIntake, type FromIntake, type ToIntake } from './recording-intake';

// the seed incident at 10 s frames, 09:30 to 10:50: across the load-balancer change
const FRAMES = 480;
const text = recordScenario(getScenario('lb-misconfig'), { frames: FRAMES });
const bytes = new TextEncoder().encode(text);

/** Runs an intake over `messages`, as the worker would, and returns what it posted. */
function run(messages: ToIntake[]) {
  const posted: { message: FromIntake; transfer: ArrayBuffer[] }[] = [];
  const receive = createRecordingIntake((message, transfer = []) =>
    posted.push({ message: structuredClone(message), transfer }),
  );
  for (const m of messages) receive(m);
  return { posted, receive, kinds: posted.map((p) => p.message.kind) };
}

const inPieces = (b: Uint8Array, size: number): ToIntake[] => {
  const pieces: ToIntake[] = [];
  for (let i = 0; i < b.length; i += size)
    pieces.push({ kind: 'bytes', bytes: b.slice(i, i + size) });
  return [...pieces, { kind: 'end' }];
};

const COLUMNS = ['requests', 'errors', 'p50', 'p95', 'p99', 'up', 'weights'] as const;
/** Every figure a store holds, frame by frame, oldest first. */
const figures = (store: SeriesStore) => ({
  times: Array.from({ length: store.length }, (_, i) => store.times[store.slot(i)]),
  servers: store.servers.map((s) => ({
    id: s.id,
    weight: s.weight,
    ...Object.fromEntries(
      COLUMNS.map((c) => [c, Array.from({ length: store.length }, (_, i) => s[c][store.slot(i)])]),
    ),
  })),
});

describe('the recording intake (the loader worker)', { timeout: 30_000 }, () => {
  const expected = unpackRecording(parseRecording(text).payloads);

  it('hands over the frames as a store, then the detector’s alerts', () => {
    // pieces cut mid-line and mid-character alike
    const { posted, kinds } = run(inPieces(bytes, 4099));
    expect(kinds).toEqual(['loaded', 'alerts']);
    const loaded = posted[0]!.message as Extract<FromIntake, { kind: 'loaded' }>;
    const series = SeriesStore.fromSnapshot(loaded.series);
    expect(series.length).toBe(FRAMES);
    // the frame lines were read from their bytes: every figure as the text reader has it
    expect(figures(series)).toEqual(figures(expected.series));
    expect(loaded.hello).toEqual(expected.hello);
    // the buffers go across without a copy
    expect(posted[0]!.transfer.length).toBe(2 + 7 * series.servers.length);
    const alerts = (posted[1]!.message as Extract<FromIntake, { kind: 'alerts' }>).events;
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts).toEqual(buildAlertTimeline(expected.detectorInput).events);
    expect(
      alertTimelineOf(alerts)
        .firingAt(series.newestT)
        .map((a) => a.rule),
    ).toContain('share-skew');
  });

  it('reads a gzipped recording the same', () => {
    const { posted } = run([{ kind: 'gzip', bytes: gzipSync(bytes) }, { kind: 'end' }]);
    const loaded = posted[0]!.message as Extract<FromIntake, { kind: 'loaded' }>;
    expect(SeriesStore.fromSnapshot(loaded.series).length).toBe(FRAMES);
    expect(loaded.warning).toBeUndefined();
  });

  it('a gzipped recording cut off loads what came before, with a warning', () => {
    const gz = gzipSync(bytes);
    const { posted } = run([
      { kind: 'gzip', bytes: gz.subarray(0, gz.length / 2) },
      { kind: 'end' },
    ]);
    const loaded = posted[0]!.message as Extract<FromIntake, { kind: 'loaded' }>;
    const frames = SeriesStore.fromSnapshot(loaded.series).length;
    expect(frames).toBeGreaterThan(50);
    expect(frames).toBeLessThan(FRAMES);
    expect(loaded.warning).toMatch(/^the gzip data is cut off: line \d+ is incomplete/);
  });

  it('a bad line fails the load with its line number, and nothing is handed over', () => {
    const lines = text.split('\n');
    lines[300] = lines[300]!.replace('"requests":', '"requests":-');
    const { posted } = run(inPieces(new TextEncoder().encode(lines.join('\n')), 65536));
    expect(posted.map((p) => p.message)).toEqual([
      {
        kind: 'failed',
        message: expect.stringMatching(/^line 301: frame: samples\[\d+\]\.requests/),
      },
    ]);
  });

  it('reads lines another writer spaced out as it reads a gateway’s, frame for frame', () => {
    // every third frame line as a hand or another tool might write it: the text reader's
    const lines = text.split('\n');
    const spaced = lines.map((line, i) =>
      i % 3 === 1 && line.startsWith('{"type":"frame"')
        ? JSON.stringify(JSON.parse(line), null, 1).replaceAll('\n', '')
        : line,
    );
    expect(spaced.filter((line, i) => line !== lines[i]).length).toBeGreaterThan(100);
    const { posted, receive } = run(inPieces(new TextEncoder().encode(spaced.join('\n')), 65536));
    const loaded = posted[0]!.message as Extract<FromIntake, { kind: 'loaded' }>;
    expect(figures(SeriesStore.fromSnapshot(loaded.series))).toEqual(figures(expected.series));
    const alerts = (posted[1]!.message as Extract<FromIntake, { kind: 'alerts' }>).events;
    expect(alerts).toEqual(buildAlertTimeline(expected.detectorInput).events);
    // an export holds the same frames, whichever way each line was read
    receive({ kind: 'export', id: 1, from: expected.frames[0]!.t, to: expected.frames[99]!.t });
    const exported = posted.at(-1)!.message as Extract<FromIntake, { kind: 'text' }>;
    const frames = parseRecording(exported.text).payloads.flatMap((p) =>
      p.type === 'frame' ? [p.payload] : [],
    );
    expect(frames).toEqual(expected.frames.slice(0, 100));
  });

  it('a file that is not a recording says so', () => {
    const { posted } = run(inPieces(new TextEncoder().encode('\n\n'), 10));
    expect(posted.map((p) => p.message)).toEqual([
      { kind: 'failed', message: 'holds no hello: not a recording' },
    ]);
  });

  it('exports a window of what it loaded', () => {
    const { posted, receive } = run(inPieces(bytes, 65536));
    const from = expected.frames[100]!.t;
    const to = expected.frames[199]!.t;
    receive({ kind: 'export', id: 7, from, to });
    const exported = posted.at(-1)!.message as Extract<FromIntake, { kind: 'text' }>;
    expect(exported.id).toBe(7);
    const back = parseRecording(exported.text).payloads;
    expect(back.filter((p) => p.type === 'frame')).toHaveLength(100);
  });
});
