/**
 * A recording that stops being writable while the real `skewboard serve` runs: its folder
 * removed, replaced by a plain file, the `--record FILE` deleted. The dashboard must not notice;
 * the operator gets one line on stderr for the failure and one when recording is back.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame } from '../../src/core/protocol/protocol';
import { parseRecording, type RecordedPayload } from '../../src/core/recording/recording';
import { RETRY_MS } from '../../src/gateway/recording/append-line';
import { freePort, ROOT, tempDir } from '../e2e/harness';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const TEST_MS = 150_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function folder(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

/** `skewboard serve` as an operator starts it, its stdout and stderr kept apart. */
async function serve(args: string[]) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--host', '127.0.0.1', '--port', String(port), ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  cleanups.push(stop);
  await until(() => out.stdout.includes('Open http://'), `the gateway to start:\n${out.stderr}`);
  return {
    url: `http://127.0.0.1:${port}/`,
    out,
    /** stderr lines, without the blank end */
    warnings: () => out.stderr.split('\n').filter((l) => l !== ''),
    running: () => child.exitCode === null && child.signalCode === null,
    stop,
  };
}

const until = async <T>(
  get: () => T | undefined | false,
  what: string,
  ms = 60_000,
): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** A socket.io client, as the page is, keeping every frame. */
function client(url: string): Frame[] {
  const socket: Socket = io(url, { transports: ['websocket'], forceNew: true });
  cleanups.push(() => void socket.close());
  const frames: Frame[] = [];
  socket.on('frame', (f: Frame) => frames.push(f));
  return frames;
}

const contiguous = (seqs: number[]) => seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1);
const frameSeqs = (payloads: RecordedPayload[]) =>
  payloads.flatMap((p) => (p.type === 'frame' ? [p.payload.seq] : []));
const recordingsIn = (dir: string) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('serve, when the recording stops being writable mid-run', () => {
  it(
    'the recordings folder removed: clients miss nothing, one line on stderr, recording goes on in a new folder',
    async () => {
      const data = await folder();
      const dir = join(data, 'recordings');
      const gw = await serve(['--speed', '600', '--data', data]);
      const frames = client(gw.url);
      await until(() => frames.length >= 50 && recordingsIn(dir).length > 0, 'frames recorded');
      const [before] = recordingsIn(dir);
      rmSync(dir, { recursive: true });
      const seen = frames.length;
      await until(() => recordingsIn(dir).length > 0, 'the folder made again');
      await until(() => frames.length >= seen + 200, '200 more frames');
      await gw.stop();

      expect(contiguous(frames.map((f) => f.seq))).toBe(true);
      expect(gw.warnings()).toEqual([
        `skewboard: the recording ${join(dir, before!)} was deleted while it was being written ` +
          `(what it held is lost); recording goes on in ${join(dir, recordingsIn(dir)[0]!)}`,
      ]);
      const { payloads, warning } = parseRecording(
        readFileSync(join(dir, recordingsIn(dir)[0]!), 'utf8'),
      );
      expect(warning).toBeUndefined();
      expect(payloads[0]!.type).toBe('hello');
      const seqs = frameSeqs(payloads);
      // everything sent after the folder went, up to the last frame a client got
      expect(contiguous(seqs)).toBe(true);
      expect(seqs[0]).toBeGreaterThanOrEqual(seen - 1);
      expect(seqs.at(-1)).toBeGreaterThanOrEqual(frames.at(-1)!.seq);
    },
    TEST_MS,
  );

  it(
    'the folder replaced by a plain file: clients miss nothing, one line on stderr, and one more when it is fixed',
    async () => {
      const data = await folder();
      const dir = join(data, 'recordings');
      // a new file every 16 KiB: the next one is due within a second at 600x
      const gw = await serve(['--speed', '600', '--data', data, '--record-max-bytes', '16KiB']);
      const frames = client(gw.url);
      await until(() => recordingsIn(dir).length > 0, 'the first recording');
      // moved away, not deleted: the open file carries on until the next one cannot be opened
      renameSync(dir, `${dir}.moved`);
      writeFileSync(join(data, 'plain-file'), 'not a folder');
      renameSync(join(data, 'plain-file'), dir);
      await until(() => gw.warnings().length > 0, 'a warning');
      const seen = frames.length;
      await until(() => frames.length >= seen + 500, '500 more frames');
      expect(gw.running()).toBe(true);
      expect(gw.warnings()).toHaveLength(1);
      expect(gw.warnings()[0]).toMatch(
        new RegExp(
          `^skewboard: cannot write the recording ${escape(dir)}/skewboard-\\S+\\.ndjson: EEXIST: .*; ` +
            `the dashboard carries on without recording and tries again every 30 s$`,
        ),
      );

      // room again: recording comes back on its next try, without a restart
      rmSync(dir);
      await until(() => gw.warnings().length > 1, 'recording again', RETRY_MS + 10_000);
      expect(gw.warnings()[1]).toMatch(
        new RegExp(
          `^skewboard: recording again, to ${escape(dir)}/skewboard-\\S+\\.ndjson; \\d+ payloads ` +
            `sent while it failed \\(\\d+ s\\) were not recorded$`,
        ),
      );
      await gw.stop();
      expect(contiguous(frames.map((f) => f.seq))).toBe(true);
      expect(gw.warnings()).toHaveLength(2);
      // what was written before and after loads, each file whole
      for (const path of [
        ...recordingsIn(`${dir}.moved`).map((n) => join(`${dir}.moved`, n)),
        ...recordingsIn(dir).map((n) => join(dir, n)),
      ]) {
        const { payloads, warning } = parseRecording(readFileSync(path, 'utf8'));
        expect(warning, path).toBeUndefined();
        expect(payloads[0]!.type, path).toBe('hello');
      }
      expect(recordingsIn(dir).length).toBeGreaterThan(0);
    },
    TEST_MS + RETRY_MS,
  );

  it(
    '--record FILE deleted: one line on stderr, the file made again from there, and it loads',
    async () => {
      const data = await folder();
      const file = join(data, 'incident', 'incident.ndjson');
      mkdirSync(join(data, 'incident'));
      const gw = await serve(['--speed', '600', '--data', data, '--record', file]);
      const frames = client(gw.url);
      await until(() => frames.length >= 50, '50 frames');
      rmSync(file);
      const seen = frames.length;
      await until(() => existsSync(file) && frames.length >= seen + 200, 'the file made again');
      await gw.stop();

      expect(contiguous(frames.map((f) => f.seq))).toBe(true);
      expect(gw.warnings()).toEqual([
        `skewboard: the recording ${file} was deleted while it was being written ` +
          `(what it held is lost); it starts again from here`,
      ]);
      const { payloads, warning } = parseRecording(readFileSync(file, 'utf8'));
      expect(warning).toBeUndefined();
      expect(payloads[0]!.type).toBe('hello');
      expect(contiguous(frameSeqs(payloads))).toBe(true);
      expect(frameSeqs(payloads).at(-1)).toBeGreaterThanOrEqual(frames.at(-1)!.seq);
    },
    TEST_MS,
  );
});
