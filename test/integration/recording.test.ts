/**
 * Recording and replay through the real `skewboard serve`: the default recording folder with
 * its rotation and cap, `GET /api/recording`, a crash mid-write, and `--source replay:`.
 * Needs dist/ built (`npx vite build`), as the gateway serves the page.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { getScenario } from '../../mocks/scenarios';
import { recordScenario } from '../../mocks/record-scenario';
import type { Frame, Hello } from '../../src/core/protocol/protocol';
import { parseRecording, type RecordedPayload } from '../../src/core/recording/recording';
import { readRecording } from '../../src/gateway/read-recording';
import { ROOT, startGateway, tempDir, type RunningGateway } from '../e2e/harness';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const TEST_MS = 30_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function gateway(args: string[], port?: number): Promise<RunningGateway> {
  const gw = await startGateway(args, port);
  cleanups.push(() => gw.stop());
  return gw;
}

async function folder(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

const until = async <T>(
  get: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  ms = 15_000,
): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

const recordingsIn = (data: string) => {
  try {
    return readdirSync(join(data, 'recordings')).sort();
  } catch {
    return [];
  }
};
const frameSeqs = (payloads: RecordedPayload[]) =>
  payloads.flatMap((p) => (p.type === 'frame' ? [p.payload.seq] : []));
const contiguous = (seqs: number[]) => seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1);

/** A socket.io client that keeps every hello and frame. */
function client(url: string, auth: Record<string, unknown> = {}) {
  const socket: Socket = io(url, { transports: ['websocket'], forceNew: true, auth });
  cleanups.push(() => void socket.close());
  const got = { hellos: [] as Hello[], frames: [] as Frame[] };
  socket.on('hello', (h: Hello) => got.hellos.push(h));
  socket.on('frame', (f: Frame) => got.frames.push(f));
  return got;
}

describe('serve records by default', () => {
  it(
    'into <data>/recordings, a new file by size, each loading on its own, the oldest deleted over the cap',
    async () => {
      const data = await folder();
      const cap = 64 * 1024;
      const gw = await gateway([
        '--speed',
        '600',
        '--data',
        data,
        '--record-max-bytes',
        '16KiB',
        '--record-total-bytes',
        '64KiB',
      ]);
      expect(gw.output()).toContain(`Recording to ${join(data, 'recordings')}`);
      const first = await until(() => recordingsIn(data)[0], 'the first recording');
      await until(
        () => !recordingsIn(data).includes(first) && recordingsIn(data).length >= 3,
        'the cap to delete the first file',
      );
      await gw.stop();

      const names = recordingsIn(data);
      const sizes = names.map((n) => statSync(join(data, 'recordings', n)).size);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(cap);
      for (const size of sizes.slice(0, -1)) expect(size).toBeLessThanOrEqual(16 * 1024);
      const all: number[] = [];
      for (const name of names) {
        const { payloads, warning } = parseRecording(
          readFileSync(join(data, 'recordings', name), 'utf8'),
        );
        expect(warning, name).toBeUndefined();
        expect(payloads[0]!.type, name).toBe('hello');
        expect(payloads[0]!.payload).toMatchObject({ source: 'sim:lb-misconfig', mode: 'live' });
        all.push(...frameSeqs(payloads));
      }
      // the files left are one unbroken stretch, the oldest frames gone
      expect(contiguous(all)).toBe(true);
      expect(all[0]).toBeGreaterThan(0);
    },
    TEST_MS,
  );

  it(
    'survives SIGKILL mid-write: the recording loads, analyze reads it, a restart carries on the numbering',
    async () => {
      const data = await folder();
      const args = ['--speed', '600', '--data', data, '--record-max-bytes', '16KiB'];
      const gw = await gateway(args);
      await until(() => recordingsIn(data).length >= 4, 'a few rotated files');
      await gw.kill();

      const names = recordingsIn(data);
      const files = names.map((n) => join(data, 'recordings', n));
      const loaded = await Promise.all(files.map((f) => readRecording(f)));
      const seqs = loaded.flatMap((r) => frameSeqs(r.payloads));
      expect(contiguous(seqs)).toBe(true);
      const newest = files.at(-1)!;
      const analyzed = spawnSync(process.execPath, [BIN, 'analyze', newest], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: TEST_MS,
      });
      expect(analyzed.status, analyzed.stderr).not.toBe(2);
      expect([0, 1]).toContain(analyzed.status);

      const lastFrame = loaded.flatMap((r) => r.payloads).findLast((p) => p.type === 'frame')!
        .payload as Frame;
      const gatewayId = (loaded[0]!.payloads[0]!.payload as Hello).gatewayId;
      const again = await gateway(args, gw.port);
      const got = client(again.url, { resumeAfterSeq: lastFrame.seq - 5, gatewayId });
      await until(
        () => got.frames.some((f) => f.seq > lastFrame.seq + 2),
        'frames after the restart',
      );
      expect(got.hellos[0]!.gatewayId).toBe(gatewayId);
      expect(got.frames.map((f) => f.seq).slice(0, 8)).toEqual(
        Array.from({ length: 8 }, (_, i) => lastFrame.seq - 4 + i),
      );
      // the simulator carried on where it was, across the rotated files
      const next = got.frames.find((f) => f.seq === lastFrame.seq + 1)!;
      expect(next.t).toBe(lastFrame.t + lastFrame.intervalMs);
      expect(again.output()).not.toContain('dropped');
      expect(recordingsIn(data).length).toBeGreaterThan(names.length);
    },
    TEST_MS,
  );
});

describe('a recording that cannot be written', () => {
  it(
    'costs the recording, not the dashboard: serve warns once and clients get every frame',
    async () => {
      const data = await folder();
      // <data>/recordings cannot be made: a plain file stands where the folder would go
      writeFileSync(join(data, 'recordings'), 'not a folder');
      const gw = await gateway(['--speed', '600', '--data', data]);
      const got = client(gw.url);
      await until(() => got.frames.length >= 20, '20 frames');
      expect(contiguous(got.frames.map((f) => f.seq))).toBe(true);
      const warnings = gw
        .output()
        .split('\n')
        .filter((l) => l.includes('cannot record'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /cannot record to .*recordings: E[A-Z]+: .*serving without recording/,
      );
      expect(gw.output()).not.toContain('Recording to');
    },
    TEST_MS,
  );

  it(
    'named with --record, stops the start with one line saying which file and why',
    async () => {
      const data = await folder();
      writeFileSync(join(data, 'plain-file'), 'x');
      const target = join(data, 'plain-file', 'incident.ndjson');
      const run = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--record', target], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toMatch(
        new RegExp(`^skewboard: cannot record to ${target.replace(/[.\\/]/g, '\\$&')}: E[A-Z]+`),
      );
    },
    TEST_MS,
  );
});

describe('GET /api/recording', () => {
  it(
    'downloads a window of the buffer as a loadable recording, behind the token',
    async () => {
      const gw = await gateway(['--speed', '600', '--token', 's3cret']);
      const api = `${gw.url}api/recording`;
      const download = async (query: string, init?: RequestInit) => {
        const res = await fetch(`${api}${query}`, init);
        return { res, text: await res.text() };
      };
      const everything = await until(async () => {
        const { text } = await download('?token=s3cret');
        return frameSeqs(parseRecording(text).payloads).length >= 20 && text;
      }, '20 buffered frames');
      const all = parseRecording(everything).payloads;
      expect(all[0]!.type).toBe('hello');
      const frames = all.flatMap((p) => (p.type === 'frame' ? [p.payload] : []));
      const [from, to] = [frames[5]!.t, frames[10]!.t];

      const { res, text } = await download(`?from=${from}&to=${to}`, {
        headers: { authorization: 'Bearer s3cret' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-ndjson');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="skewboard-${from}-${to}.ndjson"`,
      );
      const window = parseRecording(text);
      expect(window.warning).toBeUndefined();
      expect(window.payloads[0]!.type).toBe('hello');
      expect(frameSeqs(window.payloads)).toEqual(frames.slice(5, 11).map((f) => f.seq));

      expect((await download(`?from=${from}`)).res.status).toBe(401);
      const bad = await download('?token=s3cret&from=soon');
      expect(bad.res.status).toBe(400);
      expect(bad.text).toContain('from');
      expect((await download('?token=s3cret&to=x')).text).toContain('to must be');
    },
    TEST_MS,
  );
});

describe('serve --source replay:<file>', () => {
  const FRAMES = 90;
  const text = recordScenario(getScenario('lb-misconfig'), { frames: FRAMES, skip: 100 });
  const recorded = parseRecording(text).payloads.flatMap((p) =>
    p.type === 'frame' ? [p.payload] : [],
  );

  it.each([
    { kind: 'plain', name: 'incident.ndjson', bytes: Buffer.from(text) },
    { kind: 'gzipped', name: 'incident.ndjson.gz', bytes: gzipSync(text) },
  ])(
    'streams every frame of a $kind recording in order, as a replay',
    async ({ name, bytes }) => {
      const file = join(await folder(), name);
      writeFileSync(file, bytes);
      const gw = await gateway(['--source', `replay:${file}`, '--speed', '100000']);
      const got = client(gw.url);
      await until(() => got.frames.length >= FRAMES, 'every frame');
      await until(() => gw.output().includes('replay finished'), '"replay finished"');
      expect(got.hellos[0]).toMatchObject({
        mode: 'replay',
        source: `replay:${basename(file)}`,
        speed: 100000,
      });
      expect(got.frames.map((f) => f.t)).toEqual(recorded.map((f) => f.t));
      expect(got.frames.map((f) => f.samples)).toEqual(recorded.map((f) => f.samples));
      // numbered by this gateway, from 0
      expect(got.frames.map((f) => f.seq)).toEqual(recorded.map((_, i) => i));
    },
    TEST_MS,
  );

  it(
    'refuses a bad file before listening: exit 2 naming the file and line',
    async () => {
      const file = join(await folder(), 'broken.ndjson');
      const lines = text.split('\n');
      writeFileSync(
        file,
        [lines[0], lines[1], '{"type":"frame","v":1,"seq":"x"}', ...lines.slice(2)].join('\n'),
      );
      const run = spawnSync(
        process.execPath,
        [BIN, 'serve', '--source', `replay:${file}`, '--port', '0', '--host', '127.0.0.1'],
        { cwd: ROOT, encoding: 'utf8', timeout: TEST_MS },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${file}:3: frame:`);
      expect(run.stdout).not.toContain('Open http');
    },
    TEST_MS,
  );
});
