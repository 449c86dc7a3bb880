import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameLog } from '../../core/protocol/frame-log';
import type { Annotation, Hello } from '../../core/protocol/protocol';
import { parseWindow, recordingOfWindow } from '../../core/recording/recording-window';
import { BATCH_BYTES, downloadRecording } from './download';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const FRAMES = 600;

/** A hub with FRAMES frames of 40 servers a second apart (2.4 MB of lines) and two notes. */
function fakeHub() {
  const log = new FrameLog(FRAMES, 86_400_000);
  for (let seq = 0; seq < FRAMES; seq++) {
    const samples = Array.from({ length: 40 }, (_, i) => ({
      id: `server-${i}`,
      requests: 100 + i,
      latencyMs: { p50: 1, p95: 2, p99: 3 },
    }));
    log.append({ v: 1, seq, t: T0 + seq * 1000, intervalMs: 1000, samples });
  }
  const hello: Hello = {
    v: 1,
    source: 'sim:x',
    mode: 'live',
    intervalMs: 1000,
    servers: [],
    now: T0,
    oldestSeq: 0,
  };
  const notes: Annotation[] = [
    { v: 1, id: 'late', t: T0 + 500_000, title: 'late', kind: 'change' },
    { v: 1, id: 'early', t: T0 + 1500, title: 'early', kind: 'note', text: 'x'.repeat(100_000) },
  ];
  return { hello: () => hello, log, annotations: new Map(notes.map((n) => [n.id, n])) };
}
const hub = fakeHub();

/** What the answer held before it was streamed: the whole text at once. */
const whole = (query: URLSearchParams) => {
  const w = parseWindow(query.get('from'), query.get('to'));
  if ('error' in w) throw new Error(w.error);
  return recordingOfWindow(hub.hello(), hub.annotations.values(), hub.log.between(w.from, w.to), w);
};

const servers: Server[] = [];
afterEach(async () => {
  while (servers.length > 0) {
    const s = servers.pop()!;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A server answering with downloadRecording; `queued` is what the first call left queued. */
async function start() {
  const seen = { queued: -1 };
  const server = createServer((req, res) => {
    downloadRecording(hub, new URL(req.url!, 'http://x').searchParams, req, res);
    if (seen.queued < 0) seen.queued = res.writableLength;
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const until = async (ok: () => boolean, what: string, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('GET /api/recording, streamed', () => {
  it.each([
    { query: '' },
    { query: `?from=${T0 + 2000}&to=${T0 + 4000}` },
    { query: `?from=${T0 + 100_000}` },
    { query: `?to=${T0 - 1}` },
  ])('$query: the same bytes as the whole text, chunked', async ({ query }) => {
    const { base, seen } = await start();
    const res = await fetch(`${base}/api/recording${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="skewboard-/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const text = await res.text();
    expect(text).toBe(whole(new URLSearchParams(query)));
    // when the handler returned at most a batch (and the line that ended it) was made
    expect(seen.queued).toBeLessThanOrEqual(BATCH_BYTES + 110_000);
  });

  it('HEAD: the headers and the size GET sends, no body', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/recording`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(Number(res.headers.get('content-length'))).toBe(
      Buffer.byteLength(whole(new URLSearchParams())),
    );
    expect(await res.text()).toBe('');
  });
});

/** A response that takes what it is given until told it is full, as a slow client's is. */
class SlowResponse extends EventEmitter {
  writes: string[] = [];
  full = true;
  destroyed = false;
  writableEnded = false;
  writableLength = 0;
  writeHead() {
    return this;
  }
  write(chunk: string) {
    this.writes.push(chunk);
    return !this.full;
  }
  end() {
    this.writableEnded = true;
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await nextTurn();
};

describe('downloadRecording and a slow client', () => {
  const answer = () => {
    const res = new SlowResponse();
    const req = { method: 'GET' } as IncomingMessage;
    downloadRecording(hub, new URLSearchParams(), req, res as unknown as ServerResponse);
    return res;
  };

  it('writes no more while the socket is full, and carries on at drain', async () => {
    const res = answer();
    await until(() => res.writes.length === 1, 'the first batch');
    // many turns of the event loop: a writer that did not wait would have written on
    await turns(50);
    expect(res.writes).toHaveLength(1);
    res.full = false;
    res.emit('drain');
    await until(() => res.writableEnded, 'the end');
    expect(res.writes.join('')).toBe(whole(new URLSearchParams()));
  });

  it('stops when the client goes away', async () => {
    const res = answer();
    await until(() => res.writes.length === 1, 'the first batch');
    res.destroy();
    await turns(50);
    expect(res.writes).toHaveLength(1);
    expect(res.writableEnded).toBe(false);
  });
});
