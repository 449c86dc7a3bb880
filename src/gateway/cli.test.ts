import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, main } from './cli';

const bin = fileURLToPath(new URL('./bin.js', import.meta.url));
const packageVersion = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** `skewboard ...argv` in this process: the exit code and what it printed. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const status = await main(argv);
    return { status, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

const names = COMMANDS.map((c) => c.spec.name);

describe('skewboard --help and --version', { timeout: 30_000 }, () => {
  it.each([['--help'], ['-h'], ['help']])('%s lists every command, exit 0', async (word) => {
    const r = await run(word);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage: skewboard <command>/);
    for (const name of ['serve', 'analyze', 'check', 'test-lb', 'annotations import']) {
      expect(r.stdout).toContain(`\n  ${name}`);
    }
  });

  it('no command at all: the help on stderr, exit 2', async () => {
    const r = await run();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^usage: skewboard <command>/);
  });

  it("--version prints package.json's version", async () => {
    expect(await run('--version')).toEqual({
      status: 0,
      stdout: `${packageVersion}\n`,
      stderr: '',
    });
  });

  it.each(names)(
    '%s --help: its usage and every option with its help line, exit 0',
    async (name) => {
      const command = COMMANDS.find((c) => c.spec.name === name)!;
      const r = await run(...name.split(' '), '--help');
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^usage: skewboard ${name}`));
      for (const [option, spec] of Object.entries(command.spec.options)) {
        expect(spec.help.length, `--${option} has a help line`).toBeGreaterThan(10);
        expect(r.stdout).toMatch(new RegExp(`--${option}\\b.*\\s+${escape(spec.help)}`));
      }
      expect(r.stdout).toContain('-h, --help');
    },
  );

  it('serve --help documents --host and the sources', async () => {
    const { stdout } = await run('serve', '--help');
    expect(stdout).toMatch(/--host H +the address to listen on.*\(default 0\.0\.0\.0\)/);
    expect(stdout).toContain('haproxy:<stats CSV URL>');
    expect(stdout).toContain('SKEWBOARD_TOKEN');
  });

  it('help check is check --help', async () => {
    expect(await run('help', 'check')).toEqual(await run('check', '--help'));
  });

  it('annotations --help lists its subcommand', async () => {
    const r = await run('annotations', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('annotations import <postmortem.md>');
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe(
  'usage errors: exit 2, one line naming the command and the option',
  { timeout: 30_000 },
  () => {
    it.each([
      {
        argv: ['serve', '-p', '9205'],
        line: 'skewboard serve: unknown option -p (did you mean --port?)',
      },
      {
        argv: ['serve', '--port', '99999'],
        line: 'skewboard serve: --port "99999" is not a port number, 0 to 65535',
      },
      {
        argv: ['serve', '--speed', '0'],
        line: 'skewboard serve: --speed "0" is not a number >= 0.001',
      },
      {
        argv: ['serve', '--record-max-age', '60'],
        line: 'skewboard serve: --record-max-age "60" is not a duration such as 90s, 15m, 1h or 2d',
      },
      {
        argv: ['serve', '--no-record', '--record', 'r.ndjson'],
        line: 'skewboard serve: --no-record does not go with --record',
      },
      {
        argv: ['serve', '--allow-frame=yes'],
        line: 'skewboard serve: --allow-frame takes no value, got "yes"',
      },
      {
        argv: ['serve', '--source', 'carrier-pigeon'],
        line: 'skewboard serve: --source "carrier-pigeon": unknown source; use sim:<scenario> (e.g. sim:lb-misconfig), replay:<file>, haproxy:<stats CSV URL> or prometheus:<base URL>',
      },
      { argv: ['serve', 'now'], line: 'skewboard serve: takes no arguments, got "now"' },
      {
        argv: ['serve', '--source', 'prometheus:http://127.0.0.1:9', '--preset', 'nope'],
        line: 'skewboard serve: --preset "nope": unknown preset; use haproxy, envoy or istio',
      },
      {
        argv: ['serve', '--preset', 'envoy'],
        line: 'skewboard serve: --preset goes with --source prometheus:<base URL> only, not a sim: source',
      },
      {
        argv: ['serve', '--source', 'haproxy:http://127.0.0.1:9/;csv', '--queries', 'q.json'],
        line: 'skewboard serve: --queries goes with --source prometheus:<base URL> only, not a haproxy: source',
      },
      {
        argv: [
          'serve',
          ...[
            '--source',
            'prometheus:http://127.0.0.1:9',
            '--preset',
            'istio',
            '--queries',
            'q.json',
          ],
        ],
        line: "skewboard serve: --queries does not go with --preset: the file's queries replace a preset",
      },
      {
        argv: ['serve', '--source', 'prometheus:http://127.0.0.1:9', '--queries', 'absent.json'],
        line: 'skewboard serve: --queries absent.json: no such file',
      },
      {
        argv: ['test-lb', 'lb.cfg', '--requests', 'many'],
        line: 'skewboard test-lb: --requests "many" is not a number >= 1',
      },
      {
        argv: ['test-lb', 'lb.cfg', '--kind', 'envoy'],
        line: 'skewboard test-lb: --kind must be haproxy or nginx, not "envoy"',
      },
      {
        argv: ['check', '--window', '1h'],
        line: "skewboard check: --haproxy URL is required (the stats CSV's URL, e.g. http://lb:8404/stats;csv)",
      },
      {
        argv: ['check', '--haproxy', 'http://lb/', '--window', '30'],
        line: 'skewboard check: --window "30" is not a duration such as 90s, 15m, 1h or 2d',
      },
      {
        argv: ['check', '--haproxy', 'http://lb/', '--window', '0'],
        line: 'skewboard check: --window must be more than 0 and at most 1d',
      },
      {
        argv: ['check', '--haproxy', 'http://lb/', '--window', '2d'],
        line: 'skewboard check: --window must be more than 0 and at most 1d',
      },
      {
        argv: ['analyze'],
        line: 'skewboard analyze: takes exactly one recording: a file (.ndjson or .ndjson.gz), or - for stdin (<recording|->), got none',
      },
      {
        argv: ['analyze', 'a.ndjson', '--confg', 'c.json'],
        line: 'skewboard analyze: unknown option --confg (did you mean --config?)',
      },
      {
        argv: ['annotations', 'import', 'pm.md', '--zone', 'UTC'],
        line: 'skewboard annotations import: unknown option --zone (--help lists the options)',
      },
      {
        argv: ['annotations'],
        line: 'skewboard annotations: annotations needs a subcommand: import',
      },
      {
        argv: ['frobnicate'],
        line: 'skewboard: unknown command "frobnicate" (--help lists the commands)',
      },
      {
        argv: ['--verbose'],
        line: 'skewboard: unknown option --verbose (--help lists the options)',
      },
    ])('$argv', async ({ argv, line }) => {
      expect(await run(...argv)).toEqual({ status: 2, stdout: '', stderr: `${line}\n` });
    });
  },
);

describe('bin.js, as a user runs it', { timeout: 30_000 }, () => {
  const skewboard = (...argv: string[]) =>
    spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', timeout: 20_000 });

  it('serve -p 9205 exits 2 naming -p, and never starts a gateway', () => {
    const r = skewboard('serve', '-p', '9205');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('skewboard serve: unknown option -p (did you mean --port?)\n');
  });

  it('check --window 1h is a window, so the check goes on to the stats page', () => {
    // fetch refuses port 9 (discard) before connecting: the check ends at once, past the flags
    const r = skewboard('check', '--haproxy', 'http://127.0.0.1:9/stats;csv', '--window', '1h');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^skewboard check: http:\/\/127\.0\.0\.1:9\/stats;csv: fetch failed/);
  });
});
