/**
 * The package as an ops box gets it: `npm pack` of this checkout, installed from the tarball
 * into an empty folder and globally, with no registry to reach, then run as its users run it.
 * The pack happens in a copy of the checkout (test/support/package.ts), so its build never
 * touches the dist/ the other browser tests serve.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hello } from '../../src/core/protocol/protocol';
import { parseRecording } from '../../src/core/recording/recording';
import { cleanupsAfterEach, until } from '../support/services';
import {
  installGlobally,
  installTarball,
  MOVED_TO_DEV,
  packCheckout,
  run,
  userEnv,
} from '../support/package';
import { CHROMIUM, CHROMIUM_FLAGS, freePort, ROOT, tempDir } from './harness';
import { attr, waitFor } from './wait';

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
const SAMPLE = join('dist', 'samples', '2024-05-15-lb-misconfig.ndjson.gz');
// the page's libraries and the build's tools: none of them may be installed with the package
const NOT_INSTALLED = [
  ...MOVED_TO_DEV,
  'esbuild',
  'vite',
  'typescript',
  'vitest',
  'playwright-core',
];
// the pack builds the page and the gateway, and the installs unpack a few thousand files: on
// a loaded two-core machine that is minutes, not seconds
const SETUP_MS = 900_000;

const later = cleanupsAfterEach();

describe('the package npm pack makes', () => {
  let scratch: Awaited<ReturnType<typeof tempDir>>;
  let tarball: string;
  /** a folder that was empty before `npm install <tarball>` */
  let project: string;
  /** `npm install --global` went here */
  let globalPrefix: string;

  beforeAll(async () => {
    scratch = await tempDir();
    tarball = await packCheckout(scratch.path);
    project = join(scratch.path, 'project');
    globalPrefix = join(scratch.path, 'global');
    await mkdir(project);
    await mkdir(globalPrefix);
    await Promise.all([installTarball(tarball, project), installGlobally(tarball, globalPrefix)]);
  }, SETUP_MS);

  afterAll(async () => {
    await scratch?.remove();
  });

  const installed = () => join(project, 'node_modules', 'skewboard');
  const skewboard = (args: string[], timeoutMs = 60_000) =>
    run(join(project, 'node_modules', '.bin', 'skewboard'), args, { cwd: project, timeoutMs });

  it('holds the built page, the compiled gateway, README and licence, and no test, benchmark or source', async () => {
    const listing = await run('tar', ['-tzf', tarball], { cwd: scratch.path, timeoutMs: 60_000 });
    expect(listing.status).toBe(0);
    const paths = listing.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^package\//, ''));
    const own = paths.filter((p) => !p.startsWith('node_modules/'));
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'src/gateway/bin.js',
      'lib/cli.js',
      'dist/index.html',
      SAMPLE,
    ]) {
      expect(own).toContain(needed);
    }
    const stray = own.filter(
      (p) =>
        !['package.json', 'README.md', 'LICENSE', 'src/gateway/bin.js'].includes(p) &&
        !p.startsWith('dist/') &&
        !p.startsWith('lib/'),
    );
    expect(stray).toEqual([]);
    const testsOrBenchmarks = paths.filter(
      (p) =>
        !p.startsWith('node_modules/') &&
        (/(^|\/)(test|tests|bench|mocks)\//.test(p) || /\.(test|spec)\.|\.tsx?$/.test(p)),
    );
    expect(testsOrBenchmarks).toEqual([]);
  });

  it("installs the gateway's own libraries and none of the page's or the build's", () => {
    const modules = join(installed(), 'node_modules');
    const names = readdirSync(modules).flatMap((name) =>
      name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name],
    );
    for (const library of ['socket.io', 'ws', '@redis/client', 'prom-client', 'sirv']) {
      expect(names).toContain(library);
    }
    for (const library of NOT_INSTALLED) expect(names).not.toContain(library);
    // nothing beside it either: the empty folder now holds the package alone
    expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([
      'skewboard',
    ]);
  });

  it("--version prints package.json's version, installed locally and globally", async () => {
    expect(await skewboard(['--version'])).toEqual({
      status: 0,
      stdout: `${VERSION}\n`,
      stderr: '',
    });
    const global = await run(join(globalPrefix, 'bin', 'skewboard'), ['--version'], {
      cwd: scratch.path,
      timeoutMs: 60_000,
    });
    expect(global).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it("analyze finds the seed incident's skew in the shipped sample", async () => {
    const analyzed = await skewboard(['analyze', join(installed(), SAMPLE)]);
    expect(analyzed.stderr).toBe('');
    expect(analyzed.status).toBe(1);
    const alerts = analyzed.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { rule: string; state: string; servers: string[] });
    expect(alerts).toContainEqual(
      expect.objectContaining({
        rule: 'share-skew',
        state: 'firing',
        servers: ['app-04', 'app-07'],
        cause: 'load-balancer',
      }),
    );
  });

  it('every command answers --help, and postmortem and annotations import read the shipped sample', async () => {
    for (const command of [
      'serve',
      'analyze',
      'check',
      'test-lb',
      'annotations import',
      'postmortem',
      'wall-watchdog',
    ]) {
      const help = await skewboard([...command.split(' '), '--help']);
      expect(help.status, command).toBe(0);
      expect(help.stdout, command).toContain(`usage: skewboard ${command}`);
    }
    const draft = await skewboard(['postmortem', join(installed(), SAMPLE)]);
    expect(draft.status).toBe(0);
    expect(draft.stdout).toContain('## Timeline');
    const notes = await skewboard([
      'annotations',
      'import',
      join(installed(), 'dist', 'samples', '2024-05-15-lb-misconfig.md'),
    ]);
    expect(notes.status).toBe(0);
    expect(notes.stdout).toContain('{"type":"annotation"');
  });

  it('serve serves the page and its script, says its version, shows the incident live, and stops on SIGTERM with its recording whole', async () => {
    const port = await freePort();
    const data = await tempDir();
    later(data.remove);
    const gateway = spawn(
      join(project, 'node_modules', '.bin', 'skewboard'),
      [
        'serve',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--data',
        data.path,
        '--speed',
        '300',
      ],
      { cwd: project, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    gateway.stdout.on('data', (d: Buffer) => (output += d.toString()));
    gateway.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = once(gateway, 'exit');
    later(async () => {
      if (gateway.exitCode === null && gateway.signalCode === null) {
        gateway.kill('SIGKILL');
        await exited;
      }
    });
    await until(
      60_000,
      () => output.includes('Open http://'),
      () => `serve to start:\n${output}`,
    );
    const base = `http://127.0.0.1:${port}`;

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('The page is not built');
    const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/index-.*\.js$/);
    const js = await fetch(`${base}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await js.text()).length).toBeGreaterThan(10_000);

    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({
      status: 'ok',
      version: VERSION,
    });
    const socket = io(base, { transports: ['websocket'], forceNew: true, reconnection: false });
    later(() => void socket.close());
    const hello = await new Promise<Hello>((resolve) => socket.once('hello', resolve));
    expect(hello.version).toBe(VERSION);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
    later(() => browser.close());
    const tab = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await tab.goto(`${base}/`);
    await waitFor(() => attr(tab, '[data-testid=connection]', 'data-state'), 'live', 60_000);
    await waitFor(
      () => tab.locator('[data-testid=heatmap] [data-testid=heatmap-row]').count(),
      10,
      60_000,
    );
    // at 300x the 09:55 change comes about 5 s after the start, the alert 20 s (simulated) later
    await waitFor(
      () => attr(tab, '[data-testid=alert][data-rule=share-skew]', 'data-servers'),
      'app-04,app-07',
      90_000,
    );

    gateway.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code, output).toBe(0);
    expect(output).toContain('stopped');
    const files = readdirSync(join(data.path, 'recordings'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { payloads, warning } = parseRecording(
        readFileSync(join(data.path, 'recordings', file), 'utf8'),
      );
      // closed whole: no torn last line
      expect(warning, file).toBeUndefined();
      expect(payloads[0]).toMatchObject({ type: 'hello', payload: { version: VERSION } });
      expect(payloads.some((p) => p.type === 'frame')).toBe(true);
    }
  }, 240_000);
});
