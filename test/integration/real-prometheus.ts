/**
 * Debian's real Prometheus for the integration tests: started in the foreground as a child with
 * its own port and storage, scraping loopback targets every second, stopped by the test's
 * cleanups. (test/integration/prometheus-source.test.ts keeps its own copy of these for now.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, tempDir } from '../e2e/harness';

const PROMETHEUS = '/usr/bin/prometheus';

/** What a test started, undone after it in reverse order, even when it fails. */
export type Cleanups = (() => Promise<void>)[];

/** Fails the test saying what to install, rather than skipping it. */
export function needs(command: string, versionFlag: string): void {
  const found = spawnSync(command, [versionFlag], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      `${command} is not installed; these tests need the real one and are never skipped`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds, or fails after `ms` saying `why`. */
export async function until(
  ms: number,
  check: () => boolean | Promise<boolean>,
  why: () => string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms: ${why()}`);
    await sleep(100);
  }
}

/** A foreground child whose output is kept for failure messages, stopped after the test. */
export function run(
  cleanups: Cleanups,
  command: string,
  args: string[],
): { child: ChildProcess; output: () => string } {
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

/** A scrape target: `host:port`, and the labels Prometheus puts on its series (as SD would). */
export interface Target {
  address: string;
  labels?: Record<string, string>;
}

/** Prometheus scraping `targets` every second; resolves to its base URL once it is ready. */
export async function startPrometheus(cleanups: Cleanups, targets: Target[]): Promise<string> {
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
      '  - job_name: test',
      '    static_configs:',
      ...targets.flatMap((t) => [
        `      - targets: ['${t.address}']`,
        ...(t.labels ? [`        labels: ${JSON.stringify(t.labels)}`] : []),
      ]),
      '',
    ].join('\n'),
  );
  const prometheus = run(cleanups, PROMETHEUS, [
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
