/**
 * What the browser tests share: a real gateway started as a user would start it (the
 * `skewboard` command), and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How every test starts Chromium: no sandbox or GPU here, and no traffic of its own. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningGateway {
  port: number;
  url: string;
  output: () => string;
  /** SIGTERM and wait for the exit */
  stop: () => Promise<void>;
  /** SIGKILL: a crash */
  kill: () => Promise<void>;
  /** SIGSTOP / SIGCONT: a gateway that hangs with its connections open */
  freeze: () => void;
  thaw: () => void;
}

/** A free loopback port, so tests can restart a gateway on the same one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `skewboard serve` on 127.0.0.1 (`port` or a free one), with its own data folder unless
 * `--data` is given; `env` is added to the test's environment (e.g. SKEWBOARD_SOURCE_AUTH).
 */
export async function startGateway(
  args: string[],
  port?: number,
  env: Record<string, string> = {},
): Promise<RunningGateway> {
  const chosen = port ?? (await freePort());
  // a gateway keeps notes in its data folder: tests that do not name one get a fresh one
  const ownData = args.includes('--data') ? undefined : await tempDir();
  if (ownData) args = [...args, '--data', ownData.path];
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--host', '127.0.0.1', '--port', String(chosen), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('Open http://')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}:\n${output}`));
    });
  });
  const exited = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) resolve();
      else c.once('exit', () => resolve());
    });
  return {
    port: chosen,
    url: `http://127.0.0.1:${chosen}/`,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
      await ownData?.remove();
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
      await ownData?.remove();
    },
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
  };
}

/** Debian's Chromium, for tests of the built page (the gateway serves dist/). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is not built: run `npm run build` before the browser tests');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}

export async function tempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'skewboard-test-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
