/**
 * The `prometheus:` source against real parts: Debian's HAProxy with its built-in exporter, in
 * front of two Node backends, scraped every second by Debian's Prometheus; the gateway polls
 * Prometheus every second. Everything on 127.0.0.1, each on its own port and temp dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame, Hello } from '../../src/core/protocol';
import { freePort, startGateway, tempDir } from '../e2e/harness';

const PROMETHEUS = '/usr/bin/prometheus';
const TEST_MS = 60_000;

// whatever a test started, stopped after it even when it fails
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

// each test fails on its own, saying what to install, rather than being skipped
function needs(command: string, versionFlag: string): void {
  const found = spawnSync(command, [versionFlag], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      `${command} is not installed; these tests need the real one and are never skipped`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds, or fails after `ms` saying `why`. */
async function until(ms: number, check: () => boolean | Promise<boolean>, why: () => string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms: ${why()}`);
    await sleep(100);
  }
}

interface Backend {
  name: string;
  port: number;
  hits: number;
}

async function startBackends(names: string[]): Promise<Backend[]> {
  return Promise.all(
    names.map(async (name) => {
      const backend: Backend = { name, port: 0, hits: 0 };
      const server: Server = createServer((req, res) => {
        // HAProxy's health checks are OPTIONS /; only real requests count
        if (req.method === 'GET') backend.hits++;
        res.end(`hello from ${name}\n`);
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      backend.port = (server.address() as AddressInfo).port;
      cleanups.push(async () => {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      });
      return backend;
    }),
  );
}

/** A foreground child whose output is kept for failure messages, stopped after the test. */
function run(command: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await once(child, 'exit');
    clearTimeout(timer);
  });
  return { child, output: () => output.slice(-4000) };
}

/** HAProxy: backend app (round robin over `backends`), its exporter on /metrics of its own frontend. */
async function startHaproxy(backends: Backend[]) {
  needs('haproxy', '-v');
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  const [front, exporter] = [await freePort(), await freePort()];
  const cfg = [
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 10s',
    '  timeout server 10s',
    'frontend fe',
    `  bind 127.0.0.1:${front}`,
    '  default_backend app',
    'backend app',
    '  balance roundrobin',
    ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check inter 300ms`),
    'frontend prometheus',
    `  bind 127.0.0.1:${exporter}`,
    '  http-request use-service prometheus-exporter if { path /metrics }',
    '',
  ].join('\n');
  const cfgPath = join(dir.path, 'haproxy.cfg');
  await writeFile(cfgPath, cfg);
  const haproxy = run('haproxy', ['-f', cfgPath, '-db']);
  const exporterUrl = `http://127.0.0.1:${exporter}/metrics`;
  // ready when every server has passed its checks, so the first requests are balanced
  await until(
    10_000,
    async () => {
      const text = await fetch(exporterUrl)
        .then((r) => r.text())
        .catch(() => '');
      const up = text.match(/^haproxy_server_status\{proxy="app",server="[^"]+",state="UP"\} 1$/gm);
      return up?.length === backends.length;
    },
    () => `haproxy servers not all UP:\n${haproxy.output()}`,
  );
  return { frontUrl: `http://127.0.0.1:${front}/`, exporter: `127.0.0.1:${exporter}` };
}

/** Prometheus in the foreground scraping `targets` every second, with its own storage. */
async function startPrometheus(targets: string[]) {
  needs(PROMETHEUS, '--version');
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  const port = await freePort();
  const config = join(dir.path, 'prometheus.yml');
  await writeFile(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: haproxy',
      '    static_configs:',
      `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const prometheus = run(PROMETHEUS, [
    `--config.file=${config}`,
    `--storage.tsdb.path=${join(dir.path, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
  const url = `http://127.0.0.1:${port}`;
  await until(
    20_000,
    () =>
      fetch(`${url}/-/ready`)
        .then((r) => r.ok)
        .catch(() => false),
    () => `prometheus not ready:\n${prometheus.output()}`,
  );
  return url;
}

describe('serve --source prometheus:<url> (haproxy preset)', () => {
  it(
    "sends a hello listing HAProxy's servers and frames counting the requests driven through it",
    async () => {
      const backends = await startBackends(['web1', 'web2']);
      const haproxy = await startHaproxy(backends);
      const prometheus = await startPrometheus([haproxy.exporter]);
      const gateway = await startGateway([
        '--source',
        `prometheus:${prometheus}`,
        '--interval',
        '1s',
        '--no-record',
      ]);
      cleanups.push(() => gateway.stop());
      const socket = io(gateway.url, { transports: ['websocket'], forceNew: true });
      cleanups.push(async () => void socket.close());
      const hellos: Hello[] = [];
      const frames: Frame[] = [];
      socket.on('hello', (h: Hello) => hellos.push(h));
      socket.on('frame', (f: Frame) => frames.push(f));
      const why = () =>
        `hellos ${JSON.stringify(hellos)}\nframes ${JSON.stringify(frames.slice(-3))}\n${gateway.output()}`;

      // a frame with both servers: Prometheus has scraped HAProxy twice since the gateway began
      await until(
        20_000,
        () => frames.some((f) => f.samples.length === 2),
        () => `no frame with both servers; ${why()}`,
      );
      const hello = hellos.at(-1)!;
      expect(hello.source).toBe(`prometheus:${prometheus}`);
      expect(hello.intervalMs).toBe(1000);
      // the haproxy preset's latency is a mean, and the page must not call it a p95
      expect(hello.latency).toBe('mean');
      expect(hello.servers).toEqual([
        { id: 'app/web1', label: 'web1', pool: 'app', weight: 1 },
        { id: 'app/web2', label: 'web2', pool: 'app', weight: 1 },
      ]);

      // from here on, every request is counted in a frame still to come
      const counted = new Map<string, number>();
      socket.on('frame', (f: Frame) => {
        for (const s of f.samples) counted.set(s.id, (counted.get(s.id) ?? 0) + s.requests);
      });
      const before = frames.length;
      for (const b of backends) b.hits = 0;
      const REQUESTS = 40;
      for (let i = 0; i < REQUESTS; i++) await fetch(haproxy.frontUrl).then((r) => r.text());
      expect(backends.map((b) => b.hits)).toEqual([REQUESTS / 2, REQUESTS / 2]);

      // the frames add up to what each backend served, once Prometheus has scraped it
      const sum = () => [...counted.values()].reduce((a, b) => a + b, 0);
      await until(
        20_000,
        () => sum() === REQUESTS,
        () => `frames counted ${sum()}; ${why()}`,
      );
      expect(Object.fromEntries(counted)).toEqual({
        'app/web1': backends[0]!.hits,
        'app/web2': backends[1]!.hits,
      });
      const busy = frames.slice(before).filter((f) => f.samples.some((s) => s.requests > 0));
      for (const f of busy) {
        expect(f.intervalMs).toBeGreaterThan(500);
        for (const s of f.samples) {
          expect(s).toMatchObject({ up: true, weight: 1, errors: 0 });
          // only a mean is known; a server that served nothing has none
          if (s.requests === 0) expect(s.latencyMs).toBeNull();
          else expect(s.latencyMs!.p50).toBe(s.latencyMs!.p99);
        }
      }
      expect(gateway.output()).not.toContain('came back empty');
    },
    TEST_MS,
  );

  it(
    'a Prometheus without HAProxy series: the warning names the empty requests query, once',
    async () => {
      // Prometheus scraping only itself
      const port = await freePort();
      const prometheus = await startPrometheus([`127.0.0.1:${port}`]);
      const gateway = await startGateway([
        '--source',
        `prometheus:${prometheus}`,
        '--interval',
        '200ms',
        '--no-record',
      ]);
      cleanups.push(() => gateway.stop());
      const socket = io(gateway.url, { transports: ['websocket'], forceNew: true });
      cleanups.push(async () => void socket.close());
      let frames = 0;
      socket.on('frame', () => frames++);
      // said once it has stayed empty for 15 s (Prometheus' first scrape can take seconds)
      await until(
        30_000,
        () => gateway.output().includes('the requests query came back empty'),
        () => `${frames} frames\n${gateway.output()}`,
      );
      // ten more polls, each an empty fleet, and not said again
      const seen = frames;
      await until(
        10_000,
        () => frames >= seen + 10,
        () => `${frames} frames\n${gateway.output()}`,
      );
      const output = gateway.output();
      for (const query of ['requests', 'errors', 'weight', 'up', 'latencyMean']) {
        expect(output.split(`the ${query} query came back empty`)).toHaveLength(2);
      }
      expect(output).toContain('sum by (proxy, server) (haproxy_server_loadbalanced_total)');
    },
    TEST_MS,
  );
});
