/**
 * Hostile HTTP through the real `skewboard serve`: 10,000 raw requests with malformed paths
 * (`/%`, `/%ZZ`, a cut UTF-8 sequence, climbs out of the folder), odd methods and hostile
 * headers. Each gets an answer, and the gateway is alive after each batch. Needs dist/ built.
 */
import fc from 'fast-check';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from './harness';

const REQUESTS = 10_000;
const AT_ONCE = 8;

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startGateway(['--no-record', '--token', 'R', '--write-token', 'W']);
});
afterAll(async () => {
  await gw.stop();
});

/** Sends one raw request; resolves with the status line, or what went wrong. */
function rawRequest(port: number, request: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    const done = (what: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(what);
    };
    const timer = setTimeout(() => done(`no answer in 10 s (${head.slice(0, 40)})`), 10_000);
    // write, not end: a client that half-closes may be dropped before a slow answer
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      const eol = head.indexOf('\r\n');
      if (eol >= 0) done(head.slice(0, eol));
    });
    socket.on('error', (err) => done(`error: ${err.message}`));
    socket.on('close', () => done(head === '' ? 'closed with no answer' : head));
  });
}

const piece = fc.oneof(
  fc.constantFrom(
    '%',
    '%Z',
    '%ZZ',
    '%E2%82',
    '%C0%AF',
    '%FF',
    '%00',
    '%2e%2e',
    '..',
    '/',
    '//',
    '\\',
    '?',
    '#',
    '&',
    '=',
    'token=',
    'from=',
    'to=',
    'index.html',
    'assets',
    'api',
    'recording',
    'samples',
    'socket.io',
    'healthz',
    '.gz',
    '.js',
    '\u00e9',
    '\u{1f600}',
    '\u0000',
    ' ',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
);
const path = fc
  .tuple(
    fc.constantFrom(
      '/',
      '/api/',
      '/api/recording',
      '/assets/',
      '/samples/',
      '/healthz',
      '//',
      '/..',
      '',
    ),
    fc.array(piece, { maxLength: 12 }),
    fc.nat({ max: 20 }).map((n) => (n === 20 ? 'x'.repeat(20_000) : '')),
  )
  .map(([start, pieces, long]) => start + pieces.join('') + long);
const header = fc.oneof(
  fc
    .constantFrom(
      'origin',
      'authorization',
      'range',
      'accept-encoding',
      'if-none-match',
      'host',
      'accept',
      'cookie',
      'x-forwarded-for',
      'upgrade',
      'connection',
    )
    .chain((name) =>
      fc
        .oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(
            'null',
            'http://evil.example',
            'Bearer W',
            'Bearer R',
            'Bearer ',
            'bytes=5-2',
            'bytes=-1',
            'bytes=0-0,5-9',
            'bytes=999999999999-',
            'br, gzip',
            '*',
            'W/"x"',
            'websocket',
          ),
        )
        .map((value) => `${name}: ${value}`),
    ),
  fc.string({ maxLength: 30 }).map((s) => `${s}: ${s}`),
);
const request = fc
  .record({
    method: fc.constantFrom(
      'GET',
      'GET',
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'OPTIONS',
      'PATCH',
      'BREW',
      '',
    ),
    path,
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/1.1 x'),
    headers: fc.array(header, { maxLength: 6 }),
  })
  .map(({ method, path, version, headers }) => {
    const lines = [
      `${method} ${path} ${version}`,
      'host: 127.0.0.1',
      ...headers,
      'connection: close',
    ];
    return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  });

describe('hostile HTTP requests', () => {
  it(`${REQUESTS.toLocaleString('en')} malformed and hostile requests: each answered, the gateway alive after each batch`, async () => {
    const requests = fc.sample(request, { numRuns: REQUESTS, seed: 515 });
    const problems: string[] = [];
    const statuses = new Map<string, number>();
    for (let i = 0; i < requests.length; i += 500) {
      const batch = requests.slice(i, i + 500);
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const sent = batch[next++]!;
          const line = await rawRequest(gw.port, sent);
          const status = /^HTTP\/1\.[01] (\d{3}) /.exec(line)?.[1];
          if (status === undefined || status.startsWith('5')) {
            problems.push(`${JSON.stringify(sent.toString('utf8').slice(0, 300))} -> ${line}`);
          } else statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: AT_ONCE }, worker));
      const health = await fetch(`${gw.url}healthz`);
      expect(health.status, `after request ${i + batch.length}`).toBe(200);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // the requests reached the routes, not only the HTTP parser's refusals
    for (const status of ['200', '400', '401', '403', '404', '405']) {
      expect(statuses.get(status), `answers ${status}`).toBeGreaterThanOrEqual(5);
    }
    expect(gw.output()).not.toMatch(/TypeError|RangeError|URIError|uncaught/i);
  }, 600_000);

  it.each(['/%', '/%ZZ', '/%E2%82', '/assets/%', '/api/%', '/samples/%C0%AF.gz'])(
    'GET %s is answered and the gateway serves on',
    async (p) => {
      const line = await rawRequest(
        gw.port,
        Buffer.from(`GET ${p} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`),
      );
      expect(line).toMatch(/^HTTP\/1\.1 [1-4]\d\d /);
      expect((await fetch(`${gw.url}healthz`)).status).toBe(200);
    },
  );
});
