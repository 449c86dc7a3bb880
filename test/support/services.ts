/**
 * The real systems tests put around a gateway: loopback backends, Debian's HAProxy with its
 * built-in Prometheus exporter, Debian's Prometheus. Each runs in the foreground as a child of
 * the test, on 127.0.0.1, with its own free port and temp dir, and is stopped after the test
 * (even when it fails) by the cleanups it registered.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach } from 'vitest';
import type { Frame, Hello } from '../../src/core/protocol/protocol';
import { freePort, startGateway, tempDir, type RunningGateway } from '../e2e/harness';

export type Cleanup = () => Promise<void> | void;
export type Later = (cleanup: Cleanup) => void;

/** Registers an afterEach that runs, newest first, whatever the test asked to stop. */
export function cleanupsAfterEach(): Later {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });
  return (cleanup) => void cleanups.push(cleanup);
}

/** Polls `check` until it holds, or fails after `ms` saying `why`. */
export async function until(
  ms: number,
  check: () => boolean | Promise<boolean>,
  why: () => string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms: ${why()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fails the test, saying what to install, when a real system is missing: never skipped. */
export function needs(command: string, versionFlag: string, debianPackage: string): void {
  const found = spawnSync(command, [versionFlag], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      `${command} is not installed (apt-get install ${debianPackage}); ` +
        'these tests need the real one and are never skipped',
    );
  }
}

export interface Child {
  child: ChildProcess;
  /** the last 4,000 characters it wrote, for failure messages */
  output: () => string;
  /** SIGTERM, SIGKILL after 5 s, and wait for the exit */
  stop: () => Promise<void>;
}

/** A foreground child whose output is kept, stopped after the test. */
export function runChild(command: string, args: string[], later: Later): Child {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await once(child, 'exit');
    clearTimeout(timer);
  };
  later(stop);
  return { child, output: () => output, stop };
}

export interface Backend {
  name: string;
  port: number;
  /** GET requests served (HAProxy's health checks are OPTIONS and not counted) */
  hits: number;
}

/** One HTTP server per name on a free loopback port, counting what it serves. */
export async function startBackends(names: string[], later: Later): Promise<Backend[]> {
  return Promise.all(
    names.map(async (name) => {
      const backend: Backend = { name, port: 0, hits: 0 };
      const server: Server = createServer((req, res) => {
        if (req.method === 'GET') backend.hits++;
        res.end(`hello from ${name}\n`);
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      backend.port = (server.address() as AddressInfo).port;
      later(async () => {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      });
      return backend;
    }),
  );
}

export interface HaproxyOptions {
  backends: Backend[];
  /** the backend's `balance` line; default roundrobin */
  balance?: string;
  /** also serve the stats page (its CSV at `statsCsvUrl`), for the haproxy: source */
  stats?: boolean;
  /** `user:password` the stats page asks for (HAProxy's `stats auth`); implies `stats` */
  statsAuth?: string;
}

export interface RunningHaproxy {
  /** the frontend that balances over the backends */
  frontUrl: string;
  /** host:port of the exporter, as a Prometheus target (path /metrics) */
  exporter: string;
  /** the stats CSV, when asked for with `stats` */
  statsCsvUrl?: string;
  child: Child;
}

/** HAProxy: backend `app` over `backends`, its exporter on /metrics of a frontend of its own. */
export async function startHaproxy(opts: HaproxyOptions, later: Later): Promise<RunningHaproxy> {
  needs('haproxy', '-v', 'haproxy');
  const dir = await tempDir();
  later(() => dir.remove());
  const [front, exporter, stats] = [await freePort(), await freePort(), await freePort()];
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
    `  balance ${opts.balance ?? 'roundrobin'}`,
    ...opts.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check inter 300ms`),
    'frontend prometheus',
    `  bind 127.0.0.1:${exporter}`,
    '  http-request use-service prometheus-exporter if { path /metrics }',
    ...(opts.stats || opts.statsAuth
      ? ['frontend stats', `  bind 127.0.0.1:${stats}`, '  stats enable', '  stats uri /stats']
      : []),
    ...(opts.statsAuth ? [`  stats auth ${opts.statsAuth}`] : []),
    '',
  ].join('\n');
  const cfgPath = join(dir.path, 'haproxy.cfg');
  await writeFile(cfgPath, cfg);
  const child = runChild('haproxy', ['-f', cfgPath, '-db'], later);
  const exporterUrl = `http://127.0.0.1:${exporter}/metrics`;
  // ready when every server has passed its checks, so the first requests are balanced
  await until(
    10_000,
    async () => {
      const text = await fetch(exporterUrl)
        .then((r) => r.text())
        .catch(() => '');
      const up = text.match(/^haproxy_server_status\{proxy="app",server="[^"]+",state="UP"\} 1$/gm);
      return up?.length === opts.backends.length;
    },
    () => `haproxy servers not all UP:\n${child.output()}`,
  );
  return {
    frontUrl: `http://127.0.0.1:${front}/`,
    exporter: `127.0.0.1:${exporter}`,
    ...((opts.stats || opts.statsAuth) && { statsCsvUrl: `http://127.0.0.1:${stats}/stats;csv` }),
    child,
  };
}

export const PROMETHEUS = '/usr/bin/prometheus';

/** A scrape target: `host:port`, and the labels Prometheus puts on its series (as SD would). */
export interface Target {
  address: string;
  labels?: Record<string, string>;
}

export interface PrometheusOptions {
  /** targets scraped on /metrics: `host:port`, or with target labels */
  targets: (string | Target)[];
  /** how often they are scraped (and rules evaluated); default 1s */
  scrapeInterval?: string;
  /** a `--web.config.file` (basic auth, TLS), as YAML text */
  webConfig?: string;
  /** headers for the readiness check, e.g. the basic auth the web config asks for */
  headers?: Record<string, string>;
}

export interface RunningPrometheus {
  url: string;
  /** stops it (SIGTERM, and waits); its port and data stay, for `start` */
  stop: () => Promise<void>;
  /** starts it again on the same port and data, once stopped; resolves when ready */
  start: () => Promise<void>;
}

/** Prometheus in the foreground scraping `targets`, with its own storage. */
export async function startPrometheus(
  opts: PrometheusOptions,
  later: Later,
): Promise<RunningPrometheus> {
  needs(PROMETHEUS, '--version', 'prometheus');
  const dir = await tempDir();
  later(() => dir.remove());
  const port = await freePort();
  const config = join(dir.path, 'prometheus.yml');
  await writeFile(
    config,
    [
      'global:',
      `  scrape_interval: ${opts.scrapeInterval ?? '1s'}`,
      `  evaluation_interval: ${opts.scrapeInterval ?? '1s'}`,
      'scrape_configs:',
      '  - job_name: targets',
      '    static_configs:',
      ...opts.targets.flatMap((target) => {
        const t = typeof target === 'string' ? { address: target } : target;
        return [
          `      - targets: ['${t.address}']`,
          ...(t.labels ? [`        labels: ${JSON.stringify(t.labels)}`] : []),
        ];
      }),
      '',
    ].join('\n'),
  );
  const args = [
    `--config.file=${config}`,
    `--storage.tsdb.path=${join(dir.path, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ];
  if (opts.webConfig !== undefined) {
    const web = join(dir.path, 'web.yml');
    await writeFile(web, opts.webConfig);
    args.push(`--web.config.file=${web}`);
  }
  const url = `http://127.0.0.1:${port}`;
  let running: Child | undefined;
  const start = async () => {
    const child = runChild(PROMETHEUS, args, later);
    running = child;
    await until(
      20_000,
      () =>
        fetch(`${url}/-/ready`, { headers: opts.headers ?? {} })
          .then((r) => r.ok)
          .catch(() => false),
      () => `prometheus not ready:\n${child.output()}`,
    );
  };
  await start();
  return { url, stop: async () => running?.stop(), start };
}

/**
 * `skewboard serve --source prometheus:<url> --interval 1s --no-record` (plus `args`, `env`
 * added to the environment), stopped after the test.
 */
export async function startPrometheusGateway(
  prometheusUrl: string,
  later: Later,
  opts: { args?: string[]; env?: Record<string, string> } = {},
): Promise<RunningGateway> {
  const gateway = await startGateway(
    [
      '--source',
      `prometheus:${prometheusUrl}`,
      '--interval',
      '1s',
      '--no-record',
      ...(opts.args ?? []),
    ],
    undefined,
    opts.env,
  );
  later(() => gateway.stop());
  return gateway;
}

/** A socket on a gateway keeping every hello and frame, closed after the test. */
export function watchGateway(
  url: string,
  later: Later,
): { socket: Socket; hellos: Hello[]; frames: Frame[] } {
  const socket = io(url, { transports: ['websocket'], forceNew: true });
  later(() => void socket.close());
  const hellos: Hello[] = [];
  const frames: Frame[] = [];
  socket.on('hello', (h: Hello) => hellos.push(h));
  socket.on('frame', (f: Frame) => frames.push(f));
  return { socket, hellos, frames };
}

export const REDIS_SERVER = '/usr/bin/redis-server';

export interface RunningRedis {
  url: string;
  /** stops it (SIGTERM, and waits); its port stays, for `start`; nothing is kept on disk */
  stop: () => Promise<void>;
  /** starts it again, empty, on the same port, once stopped; resolves when it accepts clients */
  start: () => Promise<void>;
}

/** Debian's redis-server in the foreground on 127.0.0.1, with no persistence, in its own dir. */
export async function startRedis(later: Later): Promise<RunningRedis> {
  needs(REDIS_SERVER, '--version', 'redis-server');
  const dir = await tempDir();
  later(() => dir.remove());
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir.path,
  ];
  let running: Child | undefined;
  const start = async () => {
    const child = runChild(REDIS_SERVER, args, later);
    running = child;
    await until(
      10_000,
      () => child.output().includes('Ready to accept connections'),
      () => `redis-server not ready:\n${child.output()}`,
    );
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop: async () => running?.stop(), start };
}
