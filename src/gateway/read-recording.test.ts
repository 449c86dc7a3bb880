import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { recordScenario } from '../../mocks/record-scenario';
import { lbMisconfig } from '../../mocks/scenarios/lb-misconfig';
import { MAX_LINE_BYTES } from '../core/recording/recording';
import { readRecording, RecordingFileError, streamRecording } from './read-recording';

const dir = mkdtempSync(join(tmpdir(), 'skewboard-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const text = recordScenario(lbMisconfig, { frames: 5 });
const lines = text.split('\n');
// the gzip of a longer recording, cut off half way (a crash mid-write)
const long = gzipSync(recordScenario(lbMisconfig, { frames: 200 }));
const halfGz = long.subarray(0, long.length >> 1);
async function* chunks(...parts: (string | Buffer)[]) {
  yield* parts;
}

describe('readRecording', () => {
  it.each([
    { name: 'plain NDJSON', path: () => file('a.ndjson', text) },
    {
      name: 'gzip, told by its magic bytes, not its name',
      path: () => file('a.data', gzipSync(text)),
    },
  ])('reads $name', async ({ path }) => {
    const r = await readRecording(path());
    expect(r.payloads).toHaveLength(6);
    expect(r.warning).toBeUndefined();
  });

  it('reads stdin, in chunks, for "-"', async () => {
    const r = await readRecording('-', chunks(text.slice(0, 100), Buffer.from(text.slice(100))));
    expect(r).toMatchObject({ name: '<stdin>' });
    expect(r.payloads).toHaveLength(6);
  });

  it('reads a gzipped stdin', async () => {
    const r = await readRecording('-', chunks(gzipSync(text)));
    expect(r.payloads).toHaveLength(6);
  });

  it('drops a torn last line with a warning', async () => {
    const r = await readRecording(file('torn.ndjson', text.slice(0, -40)));
    expect(r.payloads).toHaveLength(5);
    expect(r.warning).toMatch(/line 6 is incomplete/);
  });

  it('reads what a gzip cut off mid-write holds', async () => {
    const r = await readRecording(file('torn.ndjson.gz', halfGz));
    expect(r.payloads.length).toBeGreaterThan(10);
    expect(r.warning).toMatch(/incomplete/);
  });

  it.each([
    {
      name: 'a missing file',
      path: () => join(dir, 'nope.ndjson'),
      want: /nope\.ndjson: cannot read: ENOENT$/,
    },
    {
      name: 'a bad line in the middle',
      path: () =>
        file('bad.ndjson', [lines[0], lines[1], '{"type":"frame",', ...lines.slice(2)].join('\n')),
      want: /bad\.ndjson:3: is not valid JSON$/,
    },
    {
      name: 'a frame that breaks the protocol',
      path: () =>
        file(
          'neg.ndjson',
          [lines[0], lines[1]!.replace('"requests":', '"requests":-1,"x":'), ''].join('\n'),
        ),
      want: /neg\.ndjson:2: frame: samples\[0\]\.requests: expected an integer >= 0/,
    },
    {
      name: 'an empty file',
      path: () => file('empty.ndjson', ''),
      want: /empty\.ndjson:1: is empty/,
    },
    {
      name: 'bytes that only look like gzip',
      path: () => file('fake.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])),
      want: /fake\.gz: is not valid gzip/,
    },
  ])('names the file and line of $name', async ({ path, want }) => {
    const p = path();
    const err = await readRecording(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordingFileError);
    expect((err as Error).message).toMatch(want);
    expect((err as Error).message.startsWith(p)).toBe(true);
  });
});

describe('readRecording, as a stream', () => {
  it('reads gzip files joined with cat as one', async () => {
    const half = text.indexOf('\n', text.length >> 1) + 1;
    const joined = Buffer.concat([gzipSync(text.slice(0, half)), gzipSync(text.slice(half))]);
    const r = await readRecording(file('joined.ndjson.gz', joined));
    expect(r.payloads).toHaveLength(6);
    expect(r.warning).toBeUndefined();
  });

  it('stops at a line longer than MAX_LINE_BYTES, naming the file and the line', async () => {
    const p = file('long.ndjson.gz', gzipSync(lines[0] + '\n' + ' '.repeat(MAX_LINE_BYTES + 1)));
    const err = await readRecording(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordingFileError);
    expect((err as Error).message).toBe(
      `${p}:2: line longer than ${MAX_LINE_BYTES} bytes: not a recording line`,
    );
  });

  it('refuses a recording past what it may hold, naming the line the limit falls in', async () => {
    const p = file('held.ndjson', text);
    const limit = lines[0]!.length + 1 + lines[1]!.length + 10;
    const err = await readRecording(p, undefined, limit).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordingFileError);
    expect((err as Error).message).toMatch(new RegExp(`^${p}:3: the recording goes on past`));
  });

  it('streamRecording hands over each payload as it is read and keeps none', async () => {
    const seen: string[] = [];
    const r = await streamRecording(file('s.ndjson.gz', gzipSync(text.slice(0, -40))), (p) =>
      seen.push(p.type),
    );
    expect(seen).toEqual(['hello', 'frame', 'frame', 'frame', 'frame']);
    expect(r.warning).toMatch(/line 6 is incomplete/);
    expect(r).not.toHaveProperty('payloads');
  });

  it('streamRecording has handed over the lines before a bad one when it throws', async () => {
    const seen: string[] = [];
    const p = file('bad2.ndjson', [lines[0], lines[1], '{', lines[2], ''].join('\n'));
    const err = await streamRecording(p, (x) => seen.push(x.type)).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`${p}:3: is not valid JSON`);
    expect(seen).toEqual(['hello', 'frame']);
  });
});
