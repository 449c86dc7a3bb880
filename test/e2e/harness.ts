/**
 * What the browser tests share: a real gateway started as a user would start it (the
 * `skewboard` command), and Debian's Chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * The lowest port the kernel hands out for outgoing connections and for port 0 (Linux:
 * ip_local_port_range). A port picked below it cannot be taken by a connection some other test
 * opens between the pick and the bind, as a port the kernel gave out and got back can.
 */
function ephemeralPortsFrom(): number {
  try {
    const low = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0],
    );
    return Number.isInteger(low) && low > 20_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A free loopback port for a program that must be told its port (HAProxy, Redis, a gateway
 * restarted on the same one): picked at random between 10000 and the kernel's own range.
 */
export async function freePort(): Promise<number> {
  const high = ephemeralPortsFrom();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * (high - 10_000));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free loopback port between 10000 and ${high} in 100 tries`);
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
  // no port asked for: the gateway binds one the kernel gives it and says which. A port found
  // free beforehand can be taken by another test's connection before the gateway binds it.
  let chosen = port ?? 0;
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
      const listening = /Open http:\/\/[^\s/]+:(\d+)\//.exec(output);
      if (listening) {
        chosen = Number(listening[1]);
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
