import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameLog } from '../core/protocol/frame-log';
import type { Annotation, Hello } from '../core/protocol/protocol';
import { parseRecording } from '../core/recording/recording';
import { httpRoutes } from './http-routes';

const T0 = Date.UTC(2024, 4, 15, 13, 30);

/** What the routes read of a hub: a hello, 10 frames a second apart, two notes. */
function fakeHub() {
  const log = new FrameLog(100, 86_400_000);
  for (let seq = 0; seq < 10; seq++) {
    log.append({ v: 1, seq, t: T0 + seq * 1000, intervalMs: 1000, samples: [] });
  }
  const hello: Hello = {
    v: 1,
    source: 'sim:x',
    mode: 'live',
    intervalMs: 1000,
    servers: [],
    now: T0,
  };
  const notes: Annotation[] = [
    { v: 1, id: 'early', t: T0 + 1500, title: 'early', kind: 'note' },
    { v: 1, id: 'late', t: T0 + 8500, title: 'late', kind: 'change' },
  ];
  return { hello: () => hello, log, annotations: new Map(notes.map((n) => [n.id, n])) };
}

const servers: Server[] = [];
afterEach(async () => {
  while (servers.length > 0) {
    const s = servers.pop()!;
    await new Promise((r) => s.close(r));
  }
});

async function start(token?: string, version?: string): Promise<string> {
  const server = createServer(
    httpRoutes({
      hub: fakeHub(),
      ...(token !== undefined && { tokens: { read: token } }),
      ...(version !== undefined && { version }),
      fallback: (_req, res) => void res.end('the page'),
    }),
  );
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const frameSeqs = (text: string) =>
  parseRecording(text).payloads.flatMap((p) => (p.type === 'frame' ? [p.payload.seq] : []));
const noteIds = (text: string) =>
  parseRecording(text).payloads.flatMap((p) => (p.type === 'annotation' ? [p.payload.id] : []));

describe('GET /api/recording', () => {
  it.each([
    {
      query: '',
      seqs: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      notes: ['early', 'late'],
      name: `${T0}-${T0 + 9000}`,
    },
    {
      query: `?from=${T0 + 2000}&to=${T0 + 4000}`,
      seqs: [2, 3, 4],
      notes: [],
      name: `${T0 + 2000}-${T0 + 4000}`,
    },
    {
      query: `?from=${T0 + 1000}&to=${T0 + 2000}`,
      seqs: [1, 2],
      notes: ['early'],
      name: `${T0 + 1000}-${T0 + 2000}`,
    },
    {
      query: `?from=${T0 + 8000}`,
      seqs: [8, 9],
      notes: ['late'],
      name: `${T0 + 8000}-${T0 + 9000}`,
    },
    { query: `?to=${T0 - 1}`, seqs: [], notes: [], name: `${T0 - 1}-${T0 - 1}` },
  ])('$query -> frames $seqs, notes $notes', async ({ query, seqs, notes, name }) => {
    const res = await fetch(`${await start()}/api/recording${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="skewboard-${name}.ndjson"`,
    );
    const text = await res.text();
    expect(frameSeqs(text)).toEqual(seqs);
    expect(noteIds(text)).toEqual(notes);
  });

  it.each([
    { query: '?from=yesterday', names: 'from' },
    { query: '?from=1&to=', names: 'to' },
    { query: '?to=Infinity', names: 'to' },
    { query: '?from=5&to=1', names: 'after' },
  ])('answers $query with 400 naming $names', async ({ query, names }) => {
    const res = await fetch(`${await start()}/api/recording${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain(names);
  });

  it.each([
    { how: 'no token', query: '', headers: {}, status: 401 },
    { how: 'a wrong token', query: '?token=nope', headers: {}, status: 401 },
    { how: 'a wrong bearer', query: '', headers: { authorization: 'Bearer nope' }, status: 401 },
    { how: '?token=', query: '?token=s3cret', headers: {}, status: 200 },
    {
      how: 'Authorization: Bearer',
      query: '',
      headers: { authorization: 'Bearer s3cret' },
      status: 200,
    },
  ])('with a gateway token: $how -> $status', async ({ query, headers, status }) => {
    const res = await fetch(`${await start('s3cret')}/api/recording${query}`, {
      headers: headers as Record<string, string>,
    });
    expect(res.status).toBe(status);
    await res.text();
  });

  it('checks the token before the parameters', async () => {
    const res = await fetch(`${await start('s3cret')}/api/recording?from=bad`);
    expect(res.status).toBe(401);
  });
});

describe('httpRoutes', () => {
  it.each([
    { path: '/', status: 200, body: 'the page' },
    { path: '/?replay=x', status: 200, body: 'the page' },
    { path: '/api/nothing', status: 404, body: 'no API at /api/nothing' },
  ])('$path -> $status', async ({ path, status, body }) => {
    const res = await fetch(`${await start()}${path}`);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(body);
  });

  it.each([
    { version: '1.2.3', body: { status: 'ok', version: '1.2.3' } },
    { version: undefined, body: { status: 'ok' } },
  ])('/healthz says ok and the version ($version)', async ({ version, body }) => {
    const res = await fetch(`${await start(undefined, version)}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(body);
  });

  it('takes only GET (and HEAD) for the recording', async () => {
    const base = await start();
    const post = await fetch(`${base}/api/recording`, { method: 'POST' });
    expect(post.status).toBe(405);
    const head = await fetch(`${base}/api/recording`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
  });
});
