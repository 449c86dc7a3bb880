import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScenario } from '../../../mocks/record-scenario';
import { lbMisconfig } from '../../../mocks/scenarios/lb-misconfig';
import { quietTraffic } from '../../../mocks/scenarios/quiet-traffic';

const bin = fileURLToPath(new URL('../bin.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'skewboard-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs `skewboard analyze ...args` as a user would. */
const analyze = (args: string[], input?: string | Buffer) => {
  const r = spawnSync(process.execPath, [bin, 'analyze', ...args], {
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    lines: r.stdout.split('\n').filter(Boolean),
  };
};

// 09:53:20 to 10:03:20 local: the load-balancer change at 09:55 and ten minutes of it
const seed = file('seed.ndjson', recordScenario(lbMisconfig, { frames: 60, skip: 140 }));
const quiet = file('quiet.ndjson', recordScenario(quietTraffic, { frames: 60 }));

describe('skewboard analyze', { timeout: 30_000 }, () => {
  let plain: ReturnType<typeof analyze>;
  beforeAll(() => {
    plain = analyze([seed]);
  }, 30_000);

  it('exits 1 on the seed incident, with a share-skew line on app-04, app-07 put down to the balancer', () => {
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe('');
    const events = plain.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'alert',
        state: 'firing',
        rule: 'share-skew',
        servers: ['app-04', 'app-07'],
        cause: 'load-balancer',
        t: Date.parse('2024-05-15T09:55:20-04:00'),
      }),
    );
    for (const e of events) {
      expect(Object.keys(e)).toEqual(['type', 't', 'state', 'rule', 'servers', 'cause', 'message']);
    }
  });

  it('words the alerts of a recording whose hello says latency "mean" as mean latency, never p95', () => {
    const [first, ...rest] = readFileSync(seed, 'utf8').split('\n');
    const hello = { ...(JSON.parse(first!) as Record<string, unknown>), latency: 'mean' };
    const mean = analyze([file('mean.ndjson', [JSON.stringify(hello), ...rest].join('\n'))]);
    expect(mean.status).toBe(1);
    const messages = (r: typeof mean) =>
      r.lines.map((l) => (JSON.parse(l) as { message: string }).message).join('\n');
    expect(messages(plain)).toContain('their p95 is');
    expect(messages(mean)).toContain('their mean latency is');
    expect(messages(mean)).not.toContain('p95');
    // the same alerts at the same times: only the words differ
    expect(messages(mean)).toBe(messages(plain).replaceAll('p95', 'mean latency'));
  });

  it('exits 0 with no output on quiet traffic', () => {
    expect(analyze([quiet])).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('reads a gzipped recording alike', () => {
    const gz = file('seed.ndjson.gz', gzipSync(readFileSync(seed)));
    expect(analyze([gz])).toMatchObject({ status: 1, stdout: plain.stdout });
  });

  it('reads stdin for -', () => {
    expect(analyze(['-'], readFileSync(seed))).toMatchObject({ status: 1, stdout: plain.stdout });
  });

  it('exits 2 on a broken file, naming the file and line on one line of stderr', () => {
    const lines = readFileSync(seed, 'utf8').split('\n');
    lines[4] = lines[4]!.replace('"seq":', '"seq":"four","x":');
    const broken = file('broken.ndjson', lines.join('\n'));
    const r = analyze([broken]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `skewboard: ${broken}:5: frame: seq: expected an integer >= 0, got the string "four"\n`,
    );
  });

  it('ignores a torn last line with a warning', () => {
    const text = readFileSync(seed, 'utf8');
    const torn = file('torn.ndjson', text.slice(0, -30));
    const r = analyze([torn]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^skewboard: .*torn\.ndjson: warning: line \d+ is incomplete/);
  });

  it('exits 2 on a missing file or a missing argument', () => {
    expect(analyze([join(dir, 'nope.ndjson')])).toMatchObject({ status: 2, stdout: '' });
    expect(analyze([]).status).toBe(2);
  });
});

describe('skewboard analyze --config', { timeout: 30_000 }, () => {
  it.each([
    {
      name: 'a stricter share factor than the incident reaches keeps share-skew quiet',
      config: { shareSkew: { factor: 3, clearFactor: 2.5 } },
      rules: ['errors', 'latency'],
    },
    {
      name: 'overrides that repeat the defaults change nothing',
      config: { shareSkew: { factor: 1.5 } },
      rules: ['errors', 'latency', 'share-skew'],
    },
  ])('$name', ({ config, rules }) => {
    const r = analyze([seed, '--config', file('config.json', JSON.stringify(config))]);
    expect(r.status).toBe(1);
    const fired = r.lines.map((l) => JSON.parse(l) as { rule: string; state: string });
    expect(
      [...new Set(fired.filter((e) => e.state === 'firing').map((e) => e.rule))].sort(),
    ).toEqual(rules);
  });

  it.each([
    {
      content: '{"shareSkew": {"factor": 0.5}}',
      error: /--config .*bad\.json: config\.shareSkew\.factor/,
    },
    { content: '{"latency": ', error: /--config .*bad\.json: not valid JSON/ },
    // the README's promise: a typo is an error, not the defaults
    {
      content: '{"shareSkew": {"minz": 9}}',
      error: /^skewboard: --config .*bad\.json: config\.shareSkew\.minz: unknown key/,
    },
    {
      content: '{"latency": {"factor": "x"}}',
      error: /^skewboard: --config .*bad\.json: config\.latency\.factor: expected a finite number/,
    },
    {
      content: '{"errors": {"floorRate": 5}}',
      error:
        /^skewboard: --config .*bad\.json: config\.errors\.floorRate: must be in \[0, 1\], got 5$/m,
    },
  ])('refuses $content, naming the file and the field', ({ content, error }) => {
    const r = analyze([seed, '--config', file('bad.json', content)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(error);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('skewboard check --config', { timeout: 30_000 }, () => {
  it('refuses a typo before it samples HAProxy, naming the file and the key', () => {
    const config = file('typo.json', '{"serverDown": {"fireAfter": 0}}');
    // nothing listens on port 9: the config must be judged before the stats page is read
    const r = spawnSync(
      process.execPath,
      [bin, 'check', '--haproxy', 'http://127.0.0.1:9/stats;csv', '--config', config],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^skewboard: --config .*typo\.json: config\.serverDown\.fireAfter: unknown key/,
    );
  });
});
