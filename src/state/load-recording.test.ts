import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../mocks/scenarios';
import { recordScenario } from '../../mocks/record-scenario';
import { parseRecording } from '../core/recording/recording';
import { loadRecordingFile, RecordingLoadError, type IntakeWorker } from './load-recording';
import { createRecordingIntake, type FromIntake, type ToIntake } from './recording-intake';

// the seed incident at 10 s frames, 09:30 to 10:50: across the load-balancer change
const FRAMES = 480;
const text = recordScenario(getScenario('lb-misconfig'), { frames: FRAMES });
const lines = text.split('\n').filter((l) => l !== '');
const frameTimes = parseRecording(text).payloads.flatMap((p) =>
  p.type === 'frame' ? [p.payload.t] : [],
);

/**
 * The loader's worker with the real intake behind it, in this process: messages cross as they
 * would between threads, cloned with their buffers transferred, one task later.
 */
function inProcessWorkers() {
  const started: { terminated: boolean; received: ToIntake['kind'][] }[] = [];
  const start = (): IntakeWorker => {
    const record = { terminated: false, received: [] as ToIntake['kind'][] };
    started.push(record);
    const worker: IntakeWorker = {
      onmessage: null,
      onerror: null,
      postMessage(message, transfer) {
        const copy = structuredClone(message, { transfer });
        setImmediate(() => {
          if (record.terminated) return;
          record.received.push(copy.kind);
          receive(copy);
        });
      },
      terminate() {
        record.terminated = true;
      },
    };
    const receive = createRecordingIntake((message, transfer = []) => {
      const copy = structuredClone(message, { transfer });
      setImmediate(() => {
        if (!record.terminated) worker.onmessage?.({ data: copy } as MessageEvent<FromIntake>);
      });
    });
    return worker;
  };
  return { start, started };
}

const fileOf = (content: string | Uint8Array, name: string) =>
  new File([typeof content === 'string' ? content : new Uint8Array(content)], name);

// a generous timeout: the deadlines inside are what a loaded machine needs, not the default 5 s
describe('loading a recording into the page', { timeout: 60_000 }, () => {
  it('loads every frame, the hello and the annotations, with progress to the end', async () => {
    const workers = inProcessWorkers();
    const seen: number[] = [];
    const loaded = await loadRecordingFile(
      fileOf(text, 'incident.ndjson'),
      (f) => seen.push(f),
      workers.start,
    );
    expect(loaded.name).toBe('incident.ndjson');
    expect(loaded.warning).toBeUndefined();
    expect(loaded.hello.servers).toHaveLength(10);
    expect(loaded.series.length).toBe(FRAMES);
    expect(loaded.series.oldestT).toBe(frameTimes[0]);
    expect(loaded.series.newestT).toBe(frameTimes.at(-1));
    // the seed's timeline up to 10:50: the change at 09:55 among them
    expect(loaded.annotations.map((a) => a.t)).toContain(Date.UTC(2024, 4, 15, 13, 55));
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // the detector's verdict follows from the same worker
    const alerts = await loaded.alerts;
    expect(alerts.firingAt(frameTimes.at(-1)!).map((a) => a.rule)).toContain('share-skew');
    loaded.dispose();
    expect(workers.started.map((w) => w.terminated)).toEqual([true]);
  });

  it('keeps every good line before a torn last one, and names that line in a warning', async () => {
    const torn = lines.slice(0, 200).join('\n') + '\n' + lines[200]!.slice(0, 40);
    const kept = parseRecording(lines.slice(0, 200).join('\n')).payloads.filter(
      (p) => p.type === 'frame',
    );
    const loaded = await loadRecordingFile(
      fileOf(torn, 'torn.ndjson'),
      () => {},
      inProcessWorkers().start,
    );
    expect(loaded.warning).toBe(
      'line 201 is incomplete (the recording was cut off mid-write) and was ignored',
    );
    expect(loaded.series.length).toBe(kept.length);
    expect(loaded.series.newestT).toBe(kept.at(-1)!.payload.t);
    loaded.dispose();
  });

  it.each([
    {
      why: 'a negative count',
      line: 100,
      edit: (l: string) => l.replace('"requests":', '"requests":-'),
      error: /^bad\.ndjson: line 100: frame: samples\[\d+\]\.requests/,
    },
    {
      why: 'a line that is not JSON',
      line: 42,
      edit: () => '{"type":"frame",',
      error: /^bad\.ndjson: line 42: /,
    },
  ])('fails on $why with the file name and line number', async ({ line, edit, error }) => {
    const bad = [...lines];
    // line numbers count from 1; a frame line, so the edit lands in a frame
    const index = bad.findIndex((l, i) => i >= line - 1 && l.startsWith('{"type":"frame"'));
    bad[index] = edit(bad[index]!);
    const expectedLine = index + 1;
    const workers = inProcessWorkers();
    const load = loadRecordingFile(fileOf(bad.join('\n'), 'bad.ndjson'), () => {}, workers.start);
    await expect(load).rejects.toBeInstanceOf(RecordingLoadError);
    await expect(load).rejects.toThrow(new RegExp(`line ${expectedLine}: `));
    await expect(load).rejects.toThrow(error);
    // the worker is let go: nothing of the failed load stays
    expect(workers.started.every((w) => w.terminated)).toBe(true);
  });

  it('gunzips a gzipped recording as it reads it', async () => {
    const workers = inProcessWorkers();
    const loaded = await loadRecordingFile(
      fileOf(gzipSync(text), 'incident.ndjson.gz'),
      () => {},
      workers.start,
    );
    expect(loaded.series.length).toBe(FRAMES);
    expect(loaded.warning).toBeUndefined();
    // gunzipped on the page's side: the worker only ever got text
    expect(workers.started).toHaveLength(1);
    expect(workers.started[0]!.received).not.toContain('gzip');
    loaded.dispose();
  });

  it('a gzip cut off loads what came before it, with a warning, in a fresh worker', async () => {
    const workers = inProcessWorkers();
    const gz = gzipSync(text);
    const loaded = await loadRecordingFile(
      fileOf(gz.subarray(0, Math.floor(gz.length / 2)), 'cut.ndjson.gz'),
      () => {},
      workers.start,
    );
    expect(loaded.warning).toMatch(/^the gzip data is cut off: line \d+ is incomplete/);
    expect(loaded.series.length).toBeGreaterThan(50);
    expect(loaded.series.length).toBeLessThan(FRAMES);
    // the browser's gunzip gave up; the first worker went, a second read the whole gzip
    expect(workers.started.map((w) => w.terminated)).toEqual([true, false]);
    expect(workers.started[1]!.received).toEqual(['gzip', 'end']);
    loaded.dispose();
  });
});
