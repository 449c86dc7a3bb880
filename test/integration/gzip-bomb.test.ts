/**
 * Files that explode: gzip bombs made here, a few MB on disk and gigabytes once inflated, read
 * by the real `skewboard analyze` and `serve --source replay:`. Each must stop with exit 2 and
 * a message naming the file and the line, and its peak resident memory (VmHWM, polled from
 * /proc) must stay far below what the file inflates to.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { recordingLine } from '../../src/core/recording/recording';
import { ROOT } from '../e2e/harness';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const MiB = 2 ** 20;
/** what a child may peak at: node and tsx take about 100 MB before reading a byte */
const RSS_LIMIT_MB = 300;

const dir = mkdtempSync(join(tmpdir(), 'skewboard-bomb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const helloLine = recordingLine('hello', {
  v: 1,
  source: 'sim:x',
  mode: 'live',
  intervalMs: 1000,
  servers: [{ id: 'a', weight: 1 }],
  now: T0,
});
/** A valid frame line, padded with spaces inside the line to `bytes` (JSON allows them). */
const paddedFrame = (bytes: number) => {
  const line = recordingLine('frame', {
    v: 1,
    seq: 1,
    t: T0,
    intervalMs: 1000,
    samples: [{ id: 'a', requests: 10, latencyMs: { p50: 1, p95: 2, p99: 3 } }],
  }).trimEnd();
  return line + ' '.repeat(bytes - line.length - 1) + '\n';
};

/** One gzip member; members joined end to end are one gzip file, as `cat a.gz b.gz` makes. */
const member = (text: string | Buffer) => gzipSync(text, { level: 1 });

/**
 * Writes a file of `parts` in order: each is either text (one member) or `{ repeat, times }`
 * (one member of `repeat`, compressed once and written `times` times), so a bomb of GBs is
 * made in well under a second, holding one block in memory.
 */
async function bomb(
  name: string,
  parts: (string | Buffer | { repeat: Buffer; times: number })[],
): Promise<{ path: string; inflated: number; onDisk: number }> {
  const path = join(dir, name);
  const file = await open(path, 'w');
  let inflated = 0;
  let onDisk = 0;
  try {
    for (const part of parts) {
      const isRepeat = typeof part === 'object' && 'repeat' in part;
      const raw = isRepeat ? part.repeat : part;
      const gz = member(raw);
      const times = isRepeat ? part.times : 1;
      for (let i = 0; i < times; i++) await file.write(gz);
      inflated += Buffer.byteLength(raw) * times;
      onDisk += gz.length * times;
    }
  } finally {
    await file.close();
  }
  return { path, inflated, onDisk };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  peakMb: number;
}

const vmHwmKb = (pid: number): number | undefined => {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined; // gone
  }
};

/**
 * Runs the CLI, polling its peak RSS until it exits; kills it past `deadlineMs`, which only
 * catches a hang: inflating 3 GiB took 21-37 s alone and 55 s beside two other test runs.
 */
function run(args: string[], deadlineMs = 150_000): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peakKb = 0;
  const poll = setInterval(() => {
    peakKb = Math.max(peakKb, vmHwmKb(child.pid!) ?? 0);
  }, 10);
  const kill = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    // 'exit' comes before the zombie is reaped, so a last look at its peak may still succeed
    child.once('exit', () => (peakKb = Math.max(peakKb, vmHwmKb(child.pid!) ?? 0)));
    child.once('close', (code) => {
      clearInterval(poll);
      clearTimeout(kill);
      resolve({ code, stdout, stderr, peakMb: Math.round(peakKb / 1024) });
    });
  });
}

const canMeasure = existsSync(`/proc/${process.pid}/status`);

describe.skipIf(!canMeasure)('a gzip bomb, read in bounded memory', { timeout: 180_000 }, () => {
  // 1 MiB frames: the detector runs on a few thousand of them, the reader goes through GBs
  const block = Buffer.from(paddedFrame(MiB).repeat(64));
  const GiB_BLOCKS = 16; // 64 MiB blocks per GiB

  it('analyze: 3 GiB of valid frames then a bad line: exit 2 naming the line, memory flat', async () => {
    const bad = '{"type":"frame","v":1}\n';
    const b = await bomb('frames.ndjson.gz', [
      helloLine,
      { repeat: block, times: 3 * GiB_BLOCKS },
      bad,
    ]);
    expect(b.onDisk).toBeLessThan(20 * MiB);
    const r = await run(['analyze', b.path]);
    console.log(`analyze, ${Math.round(b.inflated / MiB)} MiB inflated: peak RSS ${r.peakMb} MB`);
    const line = 1 + 3 * 1024 + 1;
    expect(r.stderr).toMatch(new RegExp(`^skewboard: ${b.path}:${line}: frame: `));
    expect(r.code).toBe(2);
    expect(r.peakMb).toBeGreaterThan(0);
    expect(r.peakMb).toBeLessThan(RSS_LIMIT_MB);
  });

  const endless = async () =>
    bomb('endless.ndjson.gz', [helloLine, { repeat: Buffer.alloc(64 * MiB, 0x20), times: 48 }]);

  it.each([
    { name: 'analyze', args: (p: string) => ['analyze', p] },
    {
      name: 'serve --source replay:',
      args: (p: string) => ['serve', '--source', `replay:${p}`, '--port', '0', '--no-record'],
    },
  ])('$name: one endless line: exit 2 naming its line and the limit', async ({ args }) => {
    const b = await endless();
    const r = await run(args(b.path));
    console.log(`${args(b.path)[0]}, endless line: peak RSS ${r.peakMb} MB`);
    expect(r.stderr).toMatch(new RegExp(`^skewboard: ${b.path}:2: line longer than \\d+ bytes`));
    expect(r.code).toBe(2);
    expect(r.peakMb).toBeLessThan(RSS_LIMIT_MB);
  });

  it('serve --source replay: 3 GiB of valid frames: stops at the cap on what a replay holds', async () => {
    const b = await bomb('replay.ndjson.gz', [helloLine, { repeat: block, times: 3 * GiB_BLOCKS }]);
    const r = await run(['serve', '--source', `replay:${b.path}`, '--port', '0', '--no-record']);
    console.log(
      `serve replay, ${Math.round(b.inflated / MiB)} MiB inflated: peak RSS ${r.peakMb} MB`,
    );
    expect(r.stderr).toMatch(new RegExp(`^skewboard: ${b.path}:\\d+: .*MiB`));
    expect(r.code).toBe(2);
    expect(r.peakMb).toBeLessThan(RSS_LIMIT_MB);
  });
});
