/**
 * Alerts that reach on-call with no tab open: the real `skewboard serve` playing the seed
 * incident, no browser and no Socket.IO client, delivering to Debian's Alertmanager (started
 * here on 127.0.0.1 with its own folder and port) and to a webhook receiver in this test.
 * Also: a receiver that is down at first costs one warning, is retried, and gets everything
 * once it is up, while frames go on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, ROOT, startGateway, tempDir, type RunningGateway } from '../e2e/harness';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const TEST_MS = 90_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function until<T>(
  get: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 60_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Debian's Alertmanager in the foreground, on loopback, clustering off. */
async function alertmanager(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  const port = await freePort();
  const config = `${dir.path}/alertmanager.yml`;
  writeFileSync(config, 'route:\n  receiver: none\nreceivers:\n  - name: none\n');
  const child: ChildProcess = spawn(
    ALERTMANAGER,
    [
      `--config.file=${config}`,
      `--storage.path=${dir.path}/data`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
  const url = `http://127.0.0.1:${port}`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`alertmanager exited: ${log}`);
      return (await fetch(`${url}/-/ready`).catch(() => undefined))?.ok;
    },
    'alertmanager to be ready',
    30_000,
  );
  return url;
}

interface WebhookMessage {
  status: string;
  commonLabels: Record<string, string>;
  alerts: { status: string; labels: Record<string, string>; annotations: { summary: string } }[];
}

/** A webhook receiver keeping every message; on `port` when given (a receiver that comes up late). */
async function webhookReceiver(port = 0): Promise<{ url: string; got: WebhookMessage[] }> {
  const got: WebhookMessage[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      got.push(JSON.parse(body) as WebhookMessage);
      res.writeHead(200).end();
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/hook`, got };
}

async function gateway(args: string[]): Promise<RunningGateway> {
  const gw = await startGateway(args);
  cleanups.push(() => gw.stop());
  return gw;
}

interface AmAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  status: { state: string };
  generatorURL: string;
}

const activeShareSkew = async (am: string) => {
  const alerts = (await (await fetch(`${am}/api/v2/alerts`)).json()) as AmAlert[];
  return alerts.find((a) => a.labels.alertname === 'share-skew');
};

describe('serve delivers alerts', () => {
  it(
    "puts the seed incident's share-skew alert into a real Alertmanager and a webhook, and resolves it after the fix",
    async () => {
      const am = await alertmanager();
      const hook = await webhookReceiver();
      const gw = await gateway([
        '--speed',
        '600',
        '--alertmanager',
        am,
        '--webhook',
        hook.url,
        '--external-url',
        'https://noc.example.org/',
      ]);

      const alert = await until(() => activeShareSkew(am), 'the alert in Alertmanager');
      expect(alert.labels).toEqual({
        alertname: 'share-skew',
        servers: 'app-04,app-07',
        cause: 'load-balancer',
        source: 'sim:lb-misconfig',
      });
      expect(alert.annotations.summary).toMatch(/app-04/);
      expect(alert.status.state).toBe('active');
      expect(alert.generatorURL).toMatch(/^https:\/\/noc\.example\.org\/\?from=\d+&to=\d+$/);

      // the same alert, asked of the gateway itself
      const firingNow = (await (await fetch(`${gw.url}api/alerts`)).json()) as {
        rule: string;
        servers: string[];
      }[];
      expect(firingNow.find((a) => a.rule === 'share-skew')?.servers).toEqual(['app-04', 'app-07']);
      expect(await (await fetch(`${gw.url}metrics`)).text()).toMatch(
        /skewboard_alerts_firing\{rule="share-skew"\} 1/,
      );

      const fired = await until(
        () =>
          hook.got.find((m) => m.status === 'firing' && m.commonLabels.alertname === 'share-skew'),
        'the firing webhook',
      );
      expect(fired.alerts[0]!.labels.servers).toBe('app-04,app-07');

      // the fix lands at 12:00, 150 incident minutes after the start: 15 s at 600x
      await until(
        () =>
          hook.got.find(
            (m) => m.status === 'resolved' && m.commonLabels.alertname === 'share-skew',
          ),
        'the resolved webhook',
      );
      await until(async () => !(await activeShareSkew(am)), 'the alert to leave Alertmanager');

      const metrics = await (await fetch(`${gw.url}metrics`)).text();
      expect(metrics).toMatch(
        /skewboard_alert_deliveries_total\{receiver="alertmanager",result="sent"\} [1-9]/,
      );
      expect(metrics).toMatch(
        /skewboard_alert_deliveries_total\{receiver="webhook",result="sent"\} [1-9]/,
      );
    },
    TEST_MS,
  );

  it(
    'retries a receiver that is down, warning once, and delivers once it is up, frames going on meanwhile',
    async () => {
      const port = await freePort();
      const gw = await gateway(['--speed', '600', '--webhook', `http://127.0.0.1:${port}/hook`]);
      await until(() => /cannot deliver/.test(gw.output()), 'the warning of a failed delivery');
      const framesAt = async () =>
        Number(
          /skewboard_frames_total (\d+)/.exec(await (await fetch(`${gw.url}metrics`)).text())?.[1],
        );
      const before = await framesAt();
      await until(async () => (await framesAt()) > before + 10, 'frames to go on');

      const hook = await webhookReceiver(port);
      await until(
        () => hook.got.find((m) => m.commonLabels.alertname === 'share-skew'),
        'the delayed delivery',
      );
      await until(
        () => /delivering again after \d+ failed attempts/.test(gw.output()),
        'the recovery line',
      );
      expect(gw.output().match(/cannot deliver/g)).toHaveLength(1);
    },
    TEST_MS,
  );

  it('refuses a receiver that is not an http URL, naming the flag', async () => {
    const run = spawnServe(['--alertmanager', 'am.example:9093']);
    const [code] = (await once(run.child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(run.stderr()).toMatch(/--alertmanager "am\.example:9093"/);
  });
});

function spawnServe(args: string[]) {
  const child = spawn(
    process.execPath,
    ['src/gateway/bin.js', 'serve', '--host', '127.0.0.1', '--port', '0', '--no-record', ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, stderr: () => err };
}
