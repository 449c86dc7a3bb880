import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecording } from '../../core/recording/recording';
import { openFileRecorder } from './file-recorder';
import { frame, hello, note, T0 } from './fixtures';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** `--record <tmp>/run/incident.ndjson` on a clock the test moves, the hub's header given. */
function recorder() {
  const root = mkdtempSync(join(tmpdir(), 'skewboard-file-rec-'));
  dirs.push(root);
  const folder = join(root, 'run');
  const path = join(folder, 'incident.ndjson');
  const clock = { now: T0 };
  const warnings: string[] = [];
  const rec = openFileRecorder(
    path,
    100,
    (m) => warnings.push(m),
    () => clock.now,
  );
  rec.useHeader(() => ({ hello: hello(), annotations: [note] }));
  rec.write('hello', hello());
  /** frames from..to, the clock a second per frame */
  const play = (from: number, to: number) => {
    for (let seq = from; seq <= to; seq++) {
      clock.now += 1000;
      rec.write('frame', frame(seq));
    }
  };
  const loaded = () => parseRecording(readFileSync(path, 'utf8'));
  const seqs = () => loaded().payloads.flatMap((p) => (p.type === 'frame' ? [p.payload.seq] : []));
  return { rec, path, folder, warnings, play, loaded, seqs };
}

describe('openFileRecorder when the file cannot be written', () => {
  it('the file deleted mid-run: says so once and starts it again with the hello, so it loads', async () => {
    const r = recorder();
    r.play(0, 4);
    rmSync(r.path);
    expect(() => r.play(5, 9)).not.toThrow();
    expect(r.warnings).toEqual([
      `the recording ${r.path} was deleted while it was being written (what it held is lost); it starts again from here`,
    ]);
    const { payloads, warning } = r.loaded();
    expect(warning).toBeUndefined();
    expect(payloads.slice(0, 2).map((p) => p.type)).toEqual(['hello', 'annotation']);
    expect(r.seqs()).toEqual([5, 6, 7, 8, 9]);
    await r.rec.close();
  });

  it('its folder replaced by a plain file: carries on, says so once, records again when it can', async () => {
    const r = recorder();
    r.play(0, 4);
    rmSync(r.folder, { recursive: true });
    writeFileSync(r.folder, 'not a folder');
    expect(() => r.play(5, 40)).not.toThrow();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      new RegExp(
        `^cannot write the recording ${escape(r.path)}: E[A-Z]+: .*; the dashboard carries on without recording and tries again every 30 s$`,
      ),
    );
    // room again: the next try is 30 s after the last failure
    rmSync(r.folder);
    r.play(41, 80);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[1]).toMatch(
      new RegExp(
        `^recording again, to ${escape(r.path)}; \\d+ payloads sent while it failed \\(\\d+ s\\) were not recorded$`,
      ),
    );
    const { payloads, warning } = r.loaded();
    expect(warning).toBeUndefined();
    expect(payloads[0]!.type).toBe('hello');
    const seqs = r.seqs();
    expect(seqs.at(-1)).toBe(80);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => 81 - seqs.length + i));
    await r.rec.close();
  });
});
