import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broken } from '../../core/timeline/fixtures/broken';
import { lbMisconfig } from '../../core/timeline/fixtures/lb-misconfig';
import { parseRecordingLine } from '../../core/recording/recording';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'skewboard-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs `skewboard annotations ...args` from the checkout, as a user would. */
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, 'annotations', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
  });
  const lines = r.stdout.split('\n').filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines };
};

const seed = file('2024-05-15-lb-misconfig.md', lbMisconfig);
const bad = file('broken.md', broken);
const noZone = file('no-zone.md', 'Date: 2024-05-15\n\n## Timeline\n\n- 14:05 Alert fired\n');

describe('skewboard annotations import', { timeout: 30_000 }, () => {
  let imported: ReturnType<typeof run>;
  beforeAll(() => {
    imported = run(['import', seed]);
  }, 30_000);

  it('prints the seed timeline as annotation recording lines and exits 0', () => {
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.lines).toHaveLength(7);
    const first = JSON.parse(imported.lines[0]!) as Record<string, unknown>;
    expect(first).toEqual({
      type: 'annotation',
      v: 1,
      id: 'postmortem:2024-05-15-lb-misconfig.md:7',
      t: Date.UTC(2024, 4, 15, 14, 0),
      title: 'The issue was detected when the monitoring system triggered an alert for…',
      text: 'The issue was detected when the monitoring system triggered an alert for increased latency on the website.',
      kind: 'detected',
      source: 'postmortem:2024-05-15-lb-misconfig.md',
    });
    const payloads = imported.lines.map((line, i) => parseRecordingLine(line, i + 1));
    expect(payloads.map((p) => p.type)).toEqual(Array(7).fill('annotation'));
    expect(
      payloads.map((p) =>
        p.type === 'annotation' ? [new Date(p.payload.t).toISOString(), p.payload.kind] : p.type,
      ),
    ).toEqual([
      ['2024-05-15T14:00:00.000Z', 'detected'],
      ['2024-05-15T14:05:00.000Z', 'investigating'],
      ['2024-05-15T14:30:00.000Z', 'investigating'],
      ['2024-05-15T14:45:00.000Z', 'investigating'],
      ['2024-05-15T15:00:00.000Z', 'escalated'],
      ['2024-05-15T15:30:00.000Z', 'identified'],
      ['2024-05-15T16:00:00.000Z', 'resolved'],
    ]);
  });

  it('exits 2 naming file and line for each entry it cannot read, and still prints the rest', () => {
    const r = run(['import', bad]);
    expect(r.status).toBe(2);
    expect(r.lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([
      'postmortem:broken.md:7',
      'postmortem:broken.md:11',
    ]);
    const errors = r.stderr.split('\n').filter(Boolean);
    expect(errors.map((e) => /^skewboard: (.+):(\d+): /.exec(e)?.slice(1))).toEqual(
      [8, 9, 10, 12, 13, 14, 15].map((n) => [bad, String(n)]),
    );
    expect(errors[0]).toBe(`skewboard: ${bad}:8: 25:10 is not a time of day`);
  });

  it.each([
    {
      name: 'no zone anywhere',
      args: ['import', noZone],
      status: 2,
      stderr: `${noZone}:5: no time zone`,
    },
    {
      name: '--tz fills in the zone',
      args: ['import', noZone, '--tz', '+02:00'],
      status: 0,
      stderr: '',
    },
    {
      name: '--tz=America/New_York',
      args: ['import', noZone, '--tz=America/New_York'],
      status: 0,
      stderr: '',
    },
    {
      name: 'a missing file',
      args: ['import', join(dir, 'nope.md')],
      status: 2,
      stderr: 'nope.md: no such file',
    },
    {
      name: 'no timeline in the file',
      args: ['import', file('prose.md', 'Nothing happened.\n')],
      status: 2,
      stderr: 'no timeline entries found',
    },
    {
      name: 'an unknown --tz',
      args: ['import', seed, '--tz', 'Mars/Olympus'],
      status: 2,
      stderr: '--tz: unknown time zone',
    },
    {
      name: 'an ambiguous --tz',
      args: ['import', seed, '--tz', 'IST'],
      status: 2,
      stderr: '--tz: IST is ambiguous',
    },
    {
      name: 'a malformed --date',
      args: ['import', seed, '--date', '15/05/2024'],
      status: 2,
      stderr: '--date must be YYYY-MM-DD',
    },
    { name: 'no file', args: ['import'], status: 2, stderr: 'takes exactly one postmortem file' },
    {
      name: 'another subcommand',
      args: ['export', seed],
      status: 2,
      stderr: 'unknown annotations subcommand "export"',
    },
    {
      name: 'no subcommand',
      args: [],
      status: 2,
      stderr: 'annotations needs a subcommand: import',
    },
  ])('$name: exit $status', ({ args, status, stderr }) => {
    const r = run(args);
    expect(r.status).toBe(status);
    if (stderr) expect(r.stderr).toContain(stderr);
    else expect(r.stderr).toBe('');
  });

  it('--tz gives a time-only entry its zone: 14:05 at +02:00 is 12:05Z', () => {
    const [line] = run(['import', noZone, '--tz', '+02:00']).lines;
    expect(JSON.parse(line!)).toMatchObject({ t: Date.UTC(2024, 4, 15, 12, 5), kind: 'detected' });
  });
});
