/**
 * `skewboard check --haproxy` and the `haproxy:` source against a real HAProxy (Debian's), in
 * front of four Node backends, with real traffic from this process (one client IP: 127.0.0.1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Hello } from '../../src/core/protocol/protocol';
import { freePort, ROOT, startGateway } from '../e2e/harness';
import { startHaproxy as startRealHaproxy } from '../support/services';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const SERVERS = ['web1', 'web2', 'web3', 'web4'];
const TEST_MS = 20_000;

interface Backend {
  name: string;
  port: number;
  hits: number;
  server: Server;
}

interface RunningHaproxy {
  statsUrl: string;
  frontUrl: string;
}

const backends: Backend[] = [];
// whatever a test started, stopped after it even when it fails
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  for (const name of SERVERS) {
    const backend: Backend = { name, port: 0, hits: 0, server: createServer() };
    backend.server.on('request', (req, res) => {
      // HAProxy's health checks are OPTIONS /; only real requests count
      if (req.method === 'GET') backend.hits++;
      res.end(`hello from ${name}\n`);
    });
    backend.server.listen(0, '127.0.0.1');
    await once(backend.server, 'listening');
    backend.port = (backend.server.address() as AddressInfo).port;
    backends.push(backend);
  }
}, TEST_MS);

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

afterAll(async () => {
  for (const b of backends) {
    b.server.closeAllConnections();
    await new Promise((r) => b.server.close(r));
  }
});

/** HAProxy in the foreground with `balance`, a frontend and a stats page, all on 127.0.0.1. */
async function startHaproxy(
  balance: 'source' | 'roundrobin',
  statsAuth?: string,
): Promise<RunningHaproxy> {
  const haproxy = await startRealHaproxy(
    { backends, balance, stats: true, ...(statsAuth !== undefined && { statsAuth }) },
    (cleanup) => void cleanups.push(async () => cleanup()),
  );
  // the health checks are not requests: each test counts from here
  for (const b of backends) b.hits = 0;
  return { statsUrl: haproxy.statsCsvUrl!, frontUrl: haproxy.frontUrl };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await once(child, 'exit');
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `promise`, or a failure saying `why` after `ms`. */
async function within<T>(ms: number, promise: Promise<T>, why: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(why())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Requests through HAProxy, two at a time, ~100/s, until `until` resolves (at most 800). */
async function load(url: string, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true));
  let sent = 0;
  const worker = async () => {
    while (!done && sent < 800) {
      sent++;
      await fetch(url).then((r) => r.text());
      await sleep(20);
    }
  };
  await Promise.all([worker(), worker()]);
  return sent;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command, as a user runs it. */
async function skewboard(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stopChild(child));
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('skewboard check --haproxy', () => {
  it(
    'balance source (one client, one server): exit 1 and a load-balancer share skew',
    async () => {
      const haproxy = await startHaproxy('source');
      const run = skewboard(['check', '--haproxy', haproxy.statsUrl, '--window', '2s']);
      const sent = await load(haproxy.frontUrl, run);
      const { code, stdout, stderr } = await run;

      expect(stderr).toBe('');
      expect(sent).toBeGreaterThan(100);
      // the backends' own counts: every request went to one of them
      const hot = backends.filter((b) => b.hits > 0);
      expect(hot).toHaveLength(1);
      const hotId = `app/${hot[0]!.name}`;

      expect(code).toBe(1);
      const skew = lines(stdout).find((l) => l.rule === 'share-skew');
      expect(skew).toMatchObject({
        type: 'alert',
        state: 'firing',
        rule: 'share-skew',
        cause: 'load-balancer',
      });
      // the server given everything is named, not the three it starves
      expect(skew!.servers).toEqual([hotId]);
      expect(skew!.message).toMatch(new RegExp(`^${hotId} gets 4\\.0x its weighted share`));
      expect(skew!.message).toMatch(/load balancer$/);
    },
    TEST_MS,
  );

  it(
    'balance roundrobin: exit 0 and nothing printed',
    async () => {
      const haproxy = await startHaproxy('roundrobin');
      const run = skewboard(['check', '--haproxy', haproxy.statsUrl, '--window', '2s']);
      const sent = await load(haproxy.frontUrl, run);
      const { code, stdout, stderr } = await run;

      expect(sent).toBeGreaterThan(100);
      expect(backends.every((b) => b.hits > 0)).toBe(true);
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    },
    TEST_MS,
  );

  it(
    'bad input: exit 2 with one line naming the URL, or the option at fault',
    async () => {
      const haproxy = await startHaproxy('roundrobin');
      const nobody = `http://127.0.0.1:${await freePort()}/stats;csv`;
      const cases = [
        { url: nobody, args: ['--window', '500ms'], says: /fetch failed/, named: nobody },
        {
          url: haproxy.frontUrl,
          args: ['--window', '500ms'],
          says: /not a HAProxy stats CSV/,
          named: haproxy.frontUrl,
        },
        // a usage error, found before any URL is read
        {
          url: haproxy.statsUrl,
          args: ['--window', '30'],
          says: /^skewboard check: --window "30" is not a duration/,
          named: '--window',
        },
      ];
      const runs = await Promise.all(
        cases.map((c) => skewboard(['check', '--haproxy', c.url, ...c.args])),
      );
      runs.forEach((run, i) => {
        const { named, says } = cases[i]!;
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain(named);
        expect(run.stderr).toMatch(says);
      });
    },
    TEST_MS,
  );
});

describe('serve --source haproxy:<url>', () => {
  it(
    'sends a hello listing the backends and frames with the traffic',
    async () => {
      const haproxy = await startHaproxy('roundrobin');
      const gateway = await startGateway(['--source', `haproxy:${haproxy.statsUrl}`]);
      cleanups.push(() => gateway.stop());
      const socket: Socket = io(gateway.url, { transports: ['websocket'], forceNew: true });
      cleanups.push(async () => void socket.close());

      const hellos: Hello[] = [];
      socket.on('hello', (h: Hello) => hellos.push(h));
      const busyFrame = new Promise<Frame>((resolve) =>
        socket.on('frame', (f: Frame) => {
          if (f.samples.reduce((sum, s) => sum + s.requests, 0) > 0) resolve(f);
        }),
      );
      // the first frame closes the first interval (5 s) after the source started
      const frame = await within(
        15_000,
        load(haproxy.frontUrl, busyFrame).then(() => busyFrame),
        () => `no frame with requests in 15 s:\n${gateway.output()}`,
      );

      const hello = hellos.at(-1)!;
      expect(hello.source).toBe(`haproxy:${haproxy.statsUrl}`);
      // HAProxy keeps only a mean latency, and the page must not call it a p95
      expect(hello.latency).toBe('mean');
      expect(hello.servers).toEqual(
        SERVERS.map((s) => ({ id: `app/${s}`, label: s, pool: 'app', weight: 1 })),
      );
      expect(frame.samples.map((s) => s.id)).toEqual(SERVERS.map((s) => `app/${s}`));
      expect(frame.samples.every((s) => s.up === true && s.requests > 0)).toBe(true);
      expect(frame.intervalMs).toBeGreaterThan(4000);
    },
    TEST_MS,
  );
});

describe('a stats page behind `stats auth`', () => {
  const SECRET = 'w4tch3r-s3cret';
  it(
    'is read with the credentials in the URL or in SKEWBOARD_SOURCE_AUTH, which never show',
    async () => {
      const haproxy = await startHaproxy('roundrobin', `watcher:${SECRET}`);
      const withCredentials = haproxy.statsUrl.replace('http://', `http://watcher:${SECRET}@`);
      const gateway = await startGateway(['--source', `haproxy:${withCredentials}`]);
      cleanups.push(() => gateway.stop());
      const socket: Socket = io(gateway.url, { transports: ['websocket'], forceNew: true });
      cleanups.push(async () => void socket.close());
      const hellos: Hello[] = [];
      socket.on('hello', (h: Hello) => hellos.push(h));
      const busyFrame = new Promise<Frame>((resolve) =>
        socket.on('frame', (f: Frame) => {
          if (f.samples.reduce((sum, s) => sum + s.requests, 0) > 0) resolve(f);
        }),
      );
      await within(
        15_000,
        load(haproxy.frontUrl, busyFrame).then(() => busyFrame),
        () => `no frame with requests in 15 s:\n${gateway.output()}`,
      );
      expect(hellos.at(-1)!.source).toBe(`haproxy:${haproxy.statsUrl}`);
      expect(gateway.output()).not.toContain(SECRET);

      // check, with the credentials in the environment; wrong ones are refused without showing
      const saved = process.env.SKEWBOARD_SOURCE_AUTH;
      try {
        process.env.SKEWBOARD_SOURCE_AUTH = `watcher:${SECRET}`;
        const good = await skewboard(['check', '--haproxy', haproxy.statsUrl, '--window', '1s']);
        expect(good.stderr).not.toMatch(/HTTP 401/);
        expect(good.code).not.toBe(2);
        process.env.SKEWBOARD_SOURCE_AUTH = 'watcher:wrong-password';
        const bad = await skewboard([
          'check',
          '--haproxy',
          withCredentials.replace(SECRET, 'nope'),
          '--window',
          '1s',
        ]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/HTTP 401/);
        expect(bad.stderr).not.toMatch(/nope|wrong-password/);
      } finally {
        if (saved === undefined) delete process.env.SKEWBOARD_SOURCE_AUTH;
        else process.env.SKEWBOARD_SOURCE_AUTH = saved;
      }
    },
    TEST_MS,
  );
});
