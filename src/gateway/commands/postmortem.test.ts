import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { recordScenario } from '../../../mocks/record-scenario';
import { lbMisconfig } from '../../../mocks/scenarios/lb-misconfig';

const bin = fileURLToPath(new URL('../bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'skewboard-postmortem-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs `skewboard ...args` as a user would. */
const skewboard = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

// 09:53:20 to 10:13:20 local: the load-balancer change at 09:55 and a note at 10:00
const seed = recordScenario(lbMisconfig, { frames: 120, skip: 140 });

describe('skewboard postmortem', { timeout: 60_000 }, () => {
  it('prints the draft of a recording, whose timeline annotations import reads back', () => {
    const draftPath = join(dir, 'draft.md');
    const r = skewboard(['postmortem', file('seed.ndjson', seed), '--title', 'Checkout slow']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# Checkout slow\n/);
    expect(r.stdout).toContain('Drafted by Skewboard from seed.ndjson');
    expect(r.stdout).toContain('- **Servers:** app-04, app-07.');
    writeFileSync(draftPath, r.stdout);
    const imported = skewboard(['annotations', 'import', draftPath]);
    expect(imported.status).toBe(0);
    const entries = r.stdout.split('\n## Timeline\n')[1]!.split('\n## ')[0]!;
    const written = entries.split('\n').filter((l) => l.startsWith('- **')).length;
    expect(imported.stdout.split('\n').filter(Boolean)).toHaveLength(written);
  });

  it('reads standard input, in the zone asked for', () => {
    const r = skewboard(['postmortem', '-', '--tz', 'UTC'], seed);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('All times are in UTC.');
    expect(r.stdout).toContain('from standard input');
    expect(r.stdout).toMatch(/- \*\*13:55:\*\* share-skew fired/);
  });

  it('names the line of a bad recording: exit 2, no draft', () => {
    const lines = seed.split('\n');
    lines[5] = '{"type":"frame","v":1}';
    const r = skewboard(['postmortem', file('bad.ndjson', lines.join('\n'))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^skewboard: \S*bad\.ndjson:6: /);
  });

  it('refuses a zone it does not know, naming the flag', () => {
    const r = skewboard(['postmortem', '-', '--tz', 'Mars/Base'], seed);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--tz: unknown time zone "Mars/Base"');
  });
});
