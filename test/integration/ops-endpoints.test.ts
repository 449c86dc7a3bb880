/**
 * The gateway as a service an on-call team runs (CONTRACT section 4), through the real
 * `skewboard serve`: /metrics checked by Debian's promtool, /api/alerts, notes posted by a
 * deploy pipeline reaching a connected client, and `--log-format json`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, freePort, startGateway, type RunningGateway } from '../e2e/harness';

const PROMTOOL = '/usr/bin/promtool';
const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const TEST_MS = 60_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function gateway(args: string[] = []): Promise<RunningGateway> {
  const gw = await startGateway(['--no-record', '--speed', '10', ...args]);
  cleanups.push(() => gw.stop());
  return gw;
}

/** Polls `read` until `done` holds of what it returns, or fails with the last value. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last saw ${String(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

/** `promtool check metrics` over `text`: its exit code and what it said. */
function promtool(text: string): { status: number | null; output: string } {
  if (!existsSync(PROMTOOL)) {
    throw new Error(`${PROMTOOL} is missing: apt-get install prometheus`);
  }
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The value of the sample `name{labels}` (labels as written, e.g. `rule="latency"`). */
function sample(text: string, name: string, labels = ''): number | undefined {
  const head = labels === '' ? `${name} ` : `${name}{${labels}} `;
  const line = text.split('\n').find((l) => l.startsWith(head));
  return line === undefined ? undefined : Number(line.slice(head.length));
}

const metricsOf = async (gw: RunningGateway, headers: Record<string, string> = {}) => {
  const res = await fetch(`${gw.url}metrics`, { headers });
  expect(res.status).toBe(200);
  return res.text();
};

describe('GET /metrics', () => {
  it(
    'passes promtool check metrics and has the contract metrics; frames_total grows',
    async () => {
      const gw = await gateway();
      // the simulator's hello and a few frames
      const first = await until(
        () => metricsOf(gw),
        (t) => (sample(t, 'skewboard_frames_total') ?? 0) >= 2,
      );
      const checked = promtool(first);
      expect(checked.output).toBe('');
      expect(checked.status).toBe(0);

      expect(sample(first, 'skewboard_clients')).toBe(0);
      for (const rule of ['share-skew', 'latency', 'errors', 'server-down']) {
        expect(sample(first, 'skewboard_alerts_firing', `rule="${rule}"`)).toBe(0);
      }
      // the seed incident's ten servers in pool web, weighted alike
      const share = sample(first, 'skewboard_server_share', 'server="app-04",pool="web"');
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(1);
      expect(
        sample(first, 'skewboard_server_expected_share', 'server="app-04",pool="web"'),
      ).toBeCloseTo(0.1, 6);
      expect(first).toContain('process_cpu_user_seconds_total');

      const framesBefore = sample(first, 'skewboard_frames_total')!;
      await until(
        () => metricsOf(gw),
        (t) => sample(t, 'skewboard_frames_total')! > framesBefore,
      );
      // a connected client is counted
      const client = io(gw.url, { transports: ['websocket'], forceNew: true, reconnection: false });
      cleanups.push(() => void client.close());
      await until(
        () => metricsOf(gw),
        (t) => sample(t, 'skewboard_clients') === 1,
      );
    },
    TEST_MS,
  );

  it(
    'needs the read token when the gateway has one, as Prometheus presents it',
    async () => {
      const gw = await gateway(['--token', 'R-secret']);
      expect((await fetch(`${gw.url}metrics`)).status).toBe(401);
      const text = await metricsOf(gw, { authorization: 'Bearer R-secret' });
      expect(text).toContain('skewboard_frames_total');
    },
    TEST_MS,
  );
});

describe('GET /api/alerts', () => {
  it(
    'answers a JSON array of the alerts firing (none before the gateway runs a detector)',
    async () => {
      const gw = await gateway();
      const res = await fetch(`${gw.url}api/alerts`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toEqual([]);
      const foreign = await fetch(`${gw.url}api/alerts`, {
        headers: { origin: 'http://evil.example' },
      });
      expect(foreign.status).toBe(403);
    },
    TEST_MS,
  );
});

describe('POST /api/annotations', () => {
  const deployed = {
    v: 1,
    t: Date.UTC(2024, 4, 15, 13, 42),
    kind: 'change',
    title: 'load-balancer config change deployed',
    source: 'deploy-pipeline',
    tags: ['lb', 'deploy'],
  };
  const post = (gw: RunningGateway, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gw.url}api/annotations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it(
    'with the write token: 201 with its id, and a connected client receives the note',
    async () => {
      const gw = await gateway(['--token', 'R-secret', '--write-token', 'W-secret']);
      const viewer: Socket = io(gw.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token: 'R-secret' },
      });
      cleanups.push(() => void viewer.close());
      const seen: { id: string; title: string; kind: string }[] = [];
      viewer.on('annotation', (a: (typeof seen)[number]) => seen.push(a));
      await new Promise<void>((resolve, reject) => {
        viewer.once('hello', () => resolve());
        viewer.once('connect_error', reject);
      });

      const none = await post(gw, deployed);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const reader = await post(gw, deployed, { authorization: 'Bearer R-secret' });
      expect(reader.status).toBe(403);
      expect(await reader.text()).toContain('write token');
      // a write token in the URL is not taken: it would sit in logs
      const inUrl = await fetch(`${gw.url}api/annotations?token=W-secret`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(deployed),
      });
      expect(inUrl.status).toBe(401);

      const res = await post(gw, deployed, { authorization: 'Bearer W-secret' });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(id).toMatch(/^note:/);
      const got = await until(
        async () => seen.find((a) => a.id === id),
        (a) => a !== undefined,
      );
      expect(got).toMatchObject({ ...deployed, id });
      expect(seen.filter((a) => a.title === deployed.title)).toHaveLength(1);
    },
    TEST_MS,
  );

  it(
    'with a write token alone (everyone reads): no token is 401, a wrong one 403, W is 201',
    async () => {
      const gw = await gateway(['--write-token', 'W-secret']);
      const none = await post(gw, deployed);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect((await post(gw, deployed, { authorization: 'Bearer wrong' })).status).toBe(403);
      expect((await post(gw, deployed, { authorization: 'Bearer W-secret' })).status).toBe(201);
    },
    TEST_MS,
  );

  it(
    'refuses a foreign page (403), a body over 1 MB (413), a bad note naming the field (400)',
    async () => {
      const gw = await gateway();
      const foreign = await post(gw, deployed, { origin: 'http://evil.example' });
      expect(foreign.status).toBe(403);

      const big = await post(gw, { ...deployed, text: 'x'.repeat(2_000_000) });
      expect(big.status).toBe(413);

      const badKind = await post(gw, { ...deployed, kind: 'deploy' });
      expect(badKind.status).toBe(400);
      expect(await badKind.text()).toMatch(/^annotate: kind: /);
      const longTitle = await post(gw, { ...deployed, title: 't'.repeat(201) });
      expect(longTitle.status).toBe(400);
      expect(await longTitle.text()).toContain('title: is 201 characters long, at most 200');
      const notJson = await post(gw, '{"v":1,');
      expect(notJson.status).toBe(400);
      const form = await fetch(`${gw.url}api/annotations`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(deployed),
      });
      expect(form.status).toBe(415);
      expect((await fetch(`${gw.url}api/annotations`)).status).toBe(405);

      // after all that, the gateway still takes a good one
      expect((await post(gw, deployed)).status).toBe(201);
    },
    TEST_MS,
  );

  it(
    'holds one client that floods to the write rate, each refusal a 429 with Retry-After',
    async () => {
      const gw = await gateway();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => post(gw, { ...deployed, title: `flood ${i}` })),
      );
      const created = answers.filter((r) => r.status === 201).length;
      expect(created).toBeGreaterThanOrEqual(10);
      expect(created).toBeLessThan(20);
      const refused = answers.filter((r) => r.status === 429);
      expect(refused.length).toBe(40 - created);
      expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await Promise.all(answers.map((r) => r.body?.cancel()));
    },
    TEST_MS,
  );
});

describe('--log-format json', () => {
  it(
    'writes one JSON object a line with time, level and msg, from start to shutdown',
    async () => {
      const gw = await gateway(['--log-format', 'json']);
      await until(
        async () => gw.output(),
        (o) => o.includes('"source delivering"'),
      );
      await gw.stop();
      const lines = gw
        .output()
        .split('\n')
        .filter((l) => l !== '');
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      for (const e of entries) {
        expect(typeof e.msg).toBe('string');
        expect(['info', 'warn', 'error']).toContain(e.level);
        expect(new Date(e.time as string).toISOString()).toBe(e.time);
      }
      const msgs = entries.map((e) => e.msg as string);
      expect(msgs[0]).toMatch(/^Skewboard gateway: sim:lb-misconfig/);
      expect(entries.find((e) => (e.msg as string).startsWith('Open http://'))).toMatchObject({
        port: gw.port,
      });
      expect(msgs.at(-2)).toBe('shutting down (SIGTERM)');
      expect(msgs.at(-1)).toBe('stopped');
    },
    TEST_MS,
  );

  it(
    'says when clients connect, and that a replay played to its end finished (not stalled)',
    async () => {
      const sample = join(ROOT, 'public', 'samples', '2024-05-15-lb-misconfig.ndjson.gz');
      const gw = await startGateway([
        '--no-record',
        '--log-format',
        'json',
        '--source',
        `replay:${sample}`,
        '--speed',
        '2000',
      ]);
      cleanups.push(() => gw.stop());
      const client = io(gw.url, { transports: ['websocket'], forceNew: true, reconnection: false });
      cleanups.push(() => void client.close());
      const entries = () =>
        gw
          .output()
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as Record<string, unknown>);
      const log = await until(
        async () => entries(),
        (es) =>
          es.some((e) => e.msg === 'clients: 1') && es.some((e) => e.msg === 'source finished'),
        30_000,
      );
      expect(log.find((e) => e.msg === 'clients: 1')).toMatchObject({ clients: 1, level: 'info' });
      const msgs = log.map((e) => e.msg as string);
      const delivering = msgs.indexOf('source delivering');
      const played = msgs.findIndex((m) => m.startsWith('replay finished'));
      const finished = msgs.indexOf('source finished');
      expect(delivering).toBeGreaterThanOrEqual(0);
      expect(played).toBeGreaterThan(delivering);
      expect(finished).toBeGreaterThan(played);
      expect(log[finished]).toMatchObject({
        level: 'info',
        source: 'replay:2024-05-15-lb-misconfig.ndjson.gz',
      });
      // an ended replay is not trouble: no warning about it
      expect(log.filter((e) => e.level === 'warn')).toEqual([]);
      const ready = await fetch(new URL('/readyz', gw.url));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, finished: true });
    },
    TEST_MS,
  );

  it(
    'an unknown format exits 2 naming it',
    async () => {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [BIN, 'serve', '--no-record', '--port', String(port), '--log-format', 'xml'],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(code).toBe(2);
      expect(stderr).toContain('--log-format "xml"');
    },
    TEST_MS,
  );
});
