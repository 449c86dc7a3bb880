import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecording, recordingLine } from '../../core/recording/recording';
import { recordingFileName } from '../../core/recording/recording-file-name';
import type { RotationLimits } from '../../core/recording/recording-rotation';
import { RecordingFileError } from '../read-recording';
import { frame, hello, note, T0 } from './fixtures';
import { openRotatingRecorder } from './rotating-recorder';

const FRAME_BYTES = recordingLine('frame', frame(10)).length;

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'skewboard-rec-'));
  dirs.push(dir);
  return dir;
};

/** A recorder on a clock the test moves, with a header as the hub gives it. */
function recorder(dir: string, limits: Partial<RotationLimits>, keepFrames = 100) {
  const clock = { now: T0 };
  const warnings: string[] = [];
  const rec = openRotatingRecorder({
    dir,
    limits: { maxBytes: 0, maxAgeMs: 0, totalBytes: 0, ...limits },
    keepFrames,
    warn: (m) => warnings.push(m),
    now: () => clock.now,
  });
  const gatewayId = rec.restored.gatewayId ?? 'g1';
  rec.useHeader(() => ({ hello: hello(gatewayId), annotations: [note] }));
  return { rec, clock, warnings, gatewayId };
}

/** Writes the hub's first hello and then frames from..to, the clock a second per frame. */
function play(r: ReturnType<typeof recorder>, from: number, to: number) {
  r.rec.write('hello', hello(r.gatewayId));
  for (let seq = from; seq <= to; seq++) {
    r.clock.now += 1000;
    r.rec.write('frame', frame(seq));
  }
}

const files = (dir: string) => readdirSync(dir).sort();
const load = (dir: string, name: string) => parseRecording(readFileSync(join(dir, name), 'utf8'));
const seqsIn = (dir: string) =>
  files(dir).flatMap((name) =>
    load(dir, name).payloads.flatMap((p) => (p.type === 'frame' ? [p.payload.seq] : [])),
  );

describe('openRotatingRecorder', () => {
  it('rotates by size: every file loads on its own, starting with the hello and the notes held', async () => {
    const dir = tempDir();
    const r = recorder(dir, { maxBytes: FRAME_BYTES * 5 });
    play(r, 0, 29);
    await r.rec.close();
    const names = files(dir);
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const { payloads, warning } = load(dir, name);
      expect(warning).toBeUndefined();
      expect(payloads.slice(0, 2).map((p) => p.type)).toEqual(['hello', 'annotation']);
      expect(payloads.filter((p) => p.type === 'hello')).toHaveLength(1);
    }
    // nothing lost or doubled between files
    expect(seqsIn(dir)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it.each([
    // 400 notes of 9 KB (3.6 MB, near the gateway's cap) against a 1 KiB limit: once a file
    // per frame, now one file
    { name: 'far bigger than the frames written', notes: 400, noteBytes: 9_000, most: 1 },
    // a 20 KB header: a new file only once its frames outweigh it
    { name: 'bigger than --record-max-bytes', notes: 20, noteBytes: 1000, most: 8 },
  ])(
    'a header $name cannot make a file per frame: files stay few',
    async ({ notes: count, noteBytes, most }) => {
      const dir = tempDir();
      const notes = Array.from({ length: count }, (_, i) => ({
        ...note,
        id: `n${i}`,
        text: 'x'.repeat(noteBytes),
      }));
      const r = recorder(dir, { maxBytes: 1024 });
      r.rec.useHeader(() => ({ hello: hello(r.gatewayId), annotations: notes }));
      play(r, 0, 999);
      await r.rec.close();
      const names = files(dir);
      expect(names.length).toBeGreaterThanOrEqual(1);
      expect(names.length).toBeLessThanOrEqual(most);
      // headers are at most half of what is written, plus the last file's
      const total = names.reduce((sum, n) => sum + readFileSync(join(dir, n)).length, 0);
      const header = count * noteBytes;
      expect(total).toBeLessThanOrEqual(2 * 1000 * FRAME_BYTES + 2 * header);
      expect(seqsIn(dir)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    },
  );

  it('rotates by age, on the wall clock', async () => {
    const dir = tempDir();
    const r = recorder(dir, { maxAgeMs: 10_000 });
    // the first file opens with the hello, a second before the first frame
    play(r, 0, 24);
    await r.rec.close();
    expect(
      files(dir).map((n) => load(dir, n).payloads.filter((p) => p.type === 'frame').length),
    ).toEqual([9, 10, 6]);
  });

  it('deletes the oldest files over the total cap, never the one being written', async () => {
    const dir = tempDir();
    const cap = FRAME_BYTES * 12;
    const r = recorder(dir, { maxBytes: FRAME_BYTES * 4, totalBytes: cap });
    play(r, 0, 39);
    const names = files(dir);
    const total = names.reduce((sum, n) => sum + readFileSync(join(dir, n)).length, 0);
    expect(total).toBeLessThanOrEqual(cap);
    // what is left is the newest stretch, up to the frame just written
    const seqs = seqsIn(dir);
    expect(seqs.at(-1)).toBe(39);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => 40 - seqs.length + i));
    expect(seqs.length).toBeLessThan(40);
    await r.rec.close();
  });

  it('a new start opens a new file and carries on the numbering of the newest ones', async () => {
    const dir = tempDir();
    const first = recorder(dir, { maxBytes: FRAME_BYTES * 4 });
    play(first, 0, 19);
    await first.rec.close();
    const before = files(dir);
    // keeping 3 frames: the older files are only counted, not parsed
    const second = recorder(dir, { maxBytes: FRAME_BYTES * 4 }, 3);
    expect(second.rec.restored).toMatchObject({
      nextSeq: 20,
      gatewayId: 'g1',
      source: { source: 'sim:x', frames: 20 },
    });
    expect(second.rec.restored.frames.map((f) => f.seq)).toEqual([17, 18, 19]);
    expect(second.rec.restored.annotations).toEqual([note]);
    second.clock.now = T0 + 3600_000;
    play(second, 20, 21);
    await second.rec.close();
    expect(files(dir).slice(0, before.length)).toEqual(before);
    expect(files(dir)).toHaveLength(before.length + 1);
    expect(seqsIn(dir)).toEqual(Array.from({ length: 22 }, (_, i) => i));
  });

  it('restores only the current run: older runs are not read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, recordingFileName(T0 - 3)), 'not a recording\n');
    writeFileSync(
      join(dir, recordingFileName(T0 - 2)),
      recordingLine('hello', hello('old')) + recordingLine('frame', frame(0)),
    );
    writeFileSync(
      join(dir, recordingFileName(T0 - 1)),
      recordingLine('hello', hello('g2')) +
        recordingLine('frame', frame(0)) +
        recordingLine('frame', frame(1)),
    );
    const r = recorder(dir, {});
    expect(r.rec.restored).toMatchObject({ nextSeq: 2, gatewayId: 'g2', source: { frames: 2 } });
    await r.rec.close();
  });

  it('after a crash mid-write, restores every complete line and warns of the torn one', async () => {
    const dir = tempDir();
    const first = recorder(dir, {});
    play(first, 0, 4);
    await first.rec.close();
    const [name] = files(dir);
    appendFileSync(join(dir, name!), recordingLine('frame', frame(5)).slice(0, 40));
    const second = recorder(dir, {});
    expect(second.warnings).toEqual([expect.stringContaining('incomplete')]);
    expect(second.rec.restored.nextSeq).toBe(5);
    await second.rec.close();
    // the torn file is left as it is, and still loads
    expect(load(dir, name!).warning).toContain('incomplete');
  });

  it('refuses a newest file with a bad line, naming the file and the line', () => {
    const dir = tempDir();
    const name = recordingFileName(T0);
    writeFileSync(join(dir, name), recordingLine('hello', hello()) + '{"type":"frame","v":1}\n');
    let thrown: unknown;
    try {
      recorder(dir, {});
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(RecordingFileError);
    expect((thrown as Error).message).toContain(`${name}:2: frame:`);
  });

  it('ignores files that are not its own and empty ones', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, recordingFileName(T0 - 1)), '');
    const r = recorder(dir, { totalBytes: 1 });
    expect(r.rec.restored).toEqual({ frames: [], annotations: [] });
    play(r, 0, 0);
    await r.rec.close();
    expect(files(dir)).toContain('notes.txt');
  });
});

describe('when the recording cannot be written (a folder gone, a disk full)', () => {
  it('carries on, says so once, and records again when it can, each file still whole', () => {
    const root = tempDir();
    const dir = join(root, 'recordings');
    // a new file every 5 frames, so a failure shows at the next rotation
    const r = recorder(dir, { maxBytes: FRAME_BYTES * 5 });
    play(r, 1, 7);
    // the folder replaced by a plain file: no new file can be opened in it
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a folder');
    expect(() => play(r, 8, 40)).not.toThrow();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /^cannot write the recording .*recordings.*: E[A-Z]+: .*carries on without recording and tries again every 30 s$/,
    );
    // room again; the next try is 30 s after the last failure
    rmSync(dir);
    play(r, 41, 80);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[1]).toMatch(
      /^recording again, to .*recordings.*; \d+ payloads sent while it failed \(\d+ s\) were not recorded$/,
    );
    // every file the folder holds loads, and the frames go on from where recording resumed
    const seqs = seqsIn(dir);
    expect(seqs.at(-1)).toBe(80);
    expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1)).toBe(true);
    for (const name of files(dir)) expect(load(dir, name).payloads[0]!.type).toBe('hello');
  });

  it('its folder removed mid-run: says so once, makes it again and records every frame after', () => {
    const dir = join(tempDir(), 'recordings');
    const r = recorder(dir, { maxBytes: FRAME_BYTES * 5 });
    play(r, 1, 7);
    rmSync(dir, { recursive: true });
    expect(() => play(r, 8, 40)).not.toThrow();
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^the recording .*recordings\/skewboard-\S+\.ndjson was deleted while it was being written \(what it held is lost\); recording goes on in .*recordings\/skewboard-\S+\.ndjson$/,
      ),
    ]);
    expect(seqsIn(dir)).toEqual(Array.from({ length: 33 }, (_, i) => 8 + i));
    for (const name of files(dir)) {
      expect(load(dir, name).warning).toBeUndefined();
      expect(load(dir, name).payloads[0]!.type).toBe('hello');
    }
  });
});
