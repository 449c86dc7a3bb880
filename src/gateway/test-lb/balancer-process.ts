/**
 * The real load balancer, in the foreground as a child of this process: Debian's `haproxy`
 * (`-db`) or `nginx` (`-g 'daemon off;'`, its prefix in the private directory). Ready when it
 * answers through its frontend and, for HAProxy, every active server of the backend is UP.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { parseStatsCsv } from '../../core/sources/haproxy-stats';
import type { BalancedBackend } from '../../core/lb-config';
import { probe } from './send-traffic';

const READY_WITHIN_MS = 20_000;
const STOP_WITHIN_MS = 5_000;

/** A balancer that could not run: missing, refused its configuration, or never got ready. */
export class BalancerError extends Error {}

const PACKAGES = { haproxy: 'haproxy', nginx: 'nginx-light' } as const;

/** The binary, from PATH as the contract says; throws BalancerError saying what to install. */
export function findBalancer(kind: 'haproxy' | 'nginx'): string {
  const found = spawnSync(kind, ['-v'], { stdio: 'ignore' });
  if (!found.error) return kind;
  throw new BalancerError(
    `${kind} is not installed (not on PATH; Debian puts it in /usr/sbin): apt-get install ${PACKAGES[kind]}`,
  );
}

export interface RunningBalancer {
  /** everything it wrote, for messages */
  output(): string;
  stop(): Promise<void>;
}

function argsFor(kind: 'haproxy' | 'nginx', configPath: string, dir: string): string[] {
  return kind === 'haproxy'
    ? ['-db', '-f', configPath]
    : ['-p', `${dir}/`, '-c', configPath, '-e', 'stderr', '-g', 'daemon off;'];
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS);
  await once(child, 'exit');
  clearTimeout(timer);
}

/** `show stat` on HAProxy's stats socket. */
function showStat(socketPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write('show stat\n'));
    socket.on('data', (d: string) => (text += d));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

async function serversUp(socketPath: string, backend: BalancedBackend): Promise<boolean> {
  const rows = parseStatsCsv(await showStat(socketPath));
  const active = new Set(backend.servers.filter((s) => !s.standby).map((s) => s.name));
  const up = rows.filter(
    (r) =>
      r.type === 'server' &&
      r.pxname === backend.name &&
      active.has(r.svname) &&
      /^(UP|no check)/.test(r.status),
  );
  return up.length === active.size;
}

export async function startBalancer(
  binary: string,
  backend: BalancedBackend,
  configPath: string,
  dir: string,
  frontPort: number,
): Promise<RunningBalancer> {
  const child = spawn(binary, argsFor(backend.kind, configPath, dir), {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const running = { output: () => output, stop: () => stopChild(child) };
  const deadline = Date.now() + READY_WITHIN_MS;
  const gone = () =>
    spawnError !== undefined || child.exitCode !== null || child.signalCode !== null;
  try {
    for (;;) {
      if (gone()) {
        // what it said on its way out
        await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
        throw new BalancerError(
          spawnError?.message ?? (output.trim() || `${binary} exited with ${child.exitCode}`),
        );
      }
      const ready =
        (backend.kind !== 'haproxy' ||
          (await serversUp(join(dir, 'admin.sock'), backend).catch(() => false))) &&
        (await probe(frontPort)) === null;
      if (ready) return running;
      if (Date.now() > deadline) {
        throw new BalancerError(`not ready within ${READY_WITHIN_MS / 1000} s:\n${output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}
