/** The ops endpoints of httpRoutes with a stand-in hub: what the integration test cannot force. */
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameLog } from '../../core/protocol/frame-log';
import type { Hello } from '../../core/protocol/protocol';
import { httpRoutes } from '../http-routes';
import type { AlertPayload } from './alert-payload';

const T0 = Date.UTC(2024, 4, 15, 13, 42);
const hello: Hello = {
  v: 1,
  source: 'sim:x',
  mode: 'live',
  intervalMs: 1000,
  servers: [],
  now: T0,
};
const ALERT: AlertPayload = {
  v: 1,
  id: 'share-skew:app-04,app-07',
  state: 'firing',
  t: T0,
  since: T0,
  rule: 'share-skew',
  servers: ['app-04', 'app-07'],
  cause: 'load-balancer',
  message: 'app-04 and app-07 get 3x their share',
};

const servers: Server[] = [];
afterEach(async () => {
  while (servers.length > 0) {
    const s = servers.pop()!;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function start(
  firingAlerts?: () => AlertPayload[],
): Promise<{ url: string; notes: unknown[] }> {
  const notes: unknown[] = [];
  const server = createServer(
    httpRoutes({
      hub: {
        hello: () => hello,
        log: new FrameLog(10, 60_000),
        annotations: new Map(),
        annotate: (payload) => (notes.push(payload), { ok: true, id: `note:${notes.length}` }),
      },
      ...(firingAlerts && { firingAlerts }),
      fallback: (_req, res) => void res.end('the page'),
    }),
  );
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, notes };
}

describe('the ops endpoints', () => {
  it('GET /api/alerts is what the provider says is firing, [] without one', async () => {
    const without = await start();
    expect(await (await fetch(`${without.url}/api/alerts`)).json()).toEqual([]);
    const withOne = await start(() => [ALERT]);
    expect(await (await fetch(`${withOne.url}/api/alerts`)).json()).toEqual([ALERT]);
  });

  it.each(['/metrics', '/api/__proto__', '/api/constructor', '/api/alerts/x'])(
    '%s is never the page',
    async (path) => {
      const { url } = await start();
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('the page');
    },
  );

  it('a body sent in chunks past 1 MB is cut off with 413 and never handed on', async () => {
    const { url, notes } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/api/annotations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.once('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.once('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      // 1.5 MB, unless the answer comes first
      let sent = 0;
      const more = () => {
        while (sent < 24) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
    expect(status).toBe(413);
    expect(notes).toEqual([]);
  });

  it('hands a good body to the hub and answers 201 with the id', async () => {
    const { url, notes } = await start();
    const note = { v: 1, t: T0, kind: 'change', title: 'deployed' };
    const res = await fetch(`${url}/api/annotations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(note),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'note:1' });
    expect(notes).toEqual([note]);
  });
});
