/**
 * Hostile payloads on every event the gateway accepts: 100,000 arbitrary and mutated payloads
 * through a real Socket.IO connection to the gateway's own server and hub, and malformed
 * packets below Socket.IO. Each payload gets an answer (accepted as a valid note, or refused
 * with an error), nothing throws, and the gateway serves on.
 */
import fc from 'fast-check';
import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { annotation, annotationRemove, annotateRequest } from '../../src/core/protocol/protocol';
import { Hub } from '../../src/gateway/hub';
import { socketServer } from '../../src/gateway/socket-server';

const PAYLOADS = 100_000;
/** acks awaited at once: enough to keep the pipe full, few enough to bound memory */
const WINDOW = 256;

let http: HttpServer;
let ioServer: ReturnType<typeof socketServer>;
let hub: Hub;
let url: string;
const warnings: string[] = [];

beforeAll(async () => {
  ioServer = socketServer({ allowed: new Set() });
  hub = new Hub(ioServer, {
    bufferFrames: 10,
    bufferAgeMs: 3_600_000,
    warn: (m) => warnings.push(m),
    // the rate limit and the cap are tested elsewhere; here every payload must reach the checks
    writeRate: { burst: 1e9, perSecond: 1e9 },
    noteLimits: { count: 1e9, bytes: 1e12 },
  });
  http = createServer();
  ioServer.attach(http);
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  // closes every client connection, then the HTTP server
  await new Promise((r) => ioServer.close(r));
});

const T = Date.UTC(2024, 4, 15, 10);
const kinds = fc.constantFrom('note', 'change', 'alert', 'resolved', 'incident', '', 'NOTE');
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '<img src=x onerror=alert(1)>', '__proto__', 'constructor', '\u0000'),
  fc.nat({ max: 12_000 }).map((n) => 'x'.repeat(n)),
);
const anyValue = fc.anything({ maxDepth: 3, withBigInt: false });
const validNote = fc.record(
  {
    v: fc.constant(1),
    t: fc.integer({ min: T - 1e9, max: T + 1e9 }),
    title: fc.string({ minLength: 1, maxLength: 200 }).filter((t) => t.trim() !== ''),
    text: fc.string({ maxLength: 300 }),
    kind: fc.constantFrom('note', 'change', 'investigating'),
    source: fc.string({ maxLength: 50 }),
    tags: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
  },
  { requiredKeys: ['v', 't', 'title', 'kind'] },
);
const keys = ['v', 'id', 't', 'endT', 'title', 'text', 'kind', 'source', 'tags', '__proto__'];
const hostileValue = fc.oneof(
  hostileString,
  kinds,
  anyValue,
  fc.array(hostileString, { maxLength: 25 }),
  fc.constantFrom(1, 2, -1, 0.5, T, T - 1, Number.MAX_SAFE_INTEGER, null),
);
/** a valid note with up to three fields replaced by anything, or taken out */
const mutatedNote = fc
  .tuple(
    validNote,
    fc.array(fc.tuple(fc.constantFrom(...keys), fc.option(hostileValue, { nil: undefined })), {
      maxLength: 3,
    }),
  )
  .map(([base, edits]) => {
    const out: Record<string, unknown> = { ...base, id: `note:${base.t}` };
    for (const [key, value] of edits) {
      if (value === undefined) Reflect.deleteProperty(out, key);
      else Object.defineProperty(out, key, { value, enumerable: true, writable: true });
    }
    return out;
  });
const payload = fc.oneof(
  { weight: 5, arbitrary: mutatedNote },
  { weight: 2, arbitrary: anyValue },
  { weight: 1, arbitrary: fc.record({ v: fc.constantFrom(1, 2), id: hostileString }) },
);

type Ack = { ok: true; id: string } | { ok: false; error: string };
const EVENTS = ['annotate', 'annotate:update', 'annotate:remove'] as const;

/** What the gateway must have said of one payload: an id only if the payload was valid. */
function judge(event: (typeof EVENTS)[number], sent: unknown, ack: Ack): string | null {
  if (typeof ack !== 'object' || ack === null) return `no answer object: ${JSON.stringify(ack)}`;
  if (!ack.ok) return typeof ack.error === 'string' && ack.error !== '' ? null : 'empty error';
  const check = {
    annotate: annotateRequest,
    'annotate:update': annotation,
    'annotate:remove': annotationRemove,
  }[event];
  try {
    // what the client sent, as JSON carried it
    check.check(JSON.parse(JSON.stringify(sent) ?? 'null'));
    return null;
  } catch (err) {
    return `accepted an invalid payload: ${(err as Error).message}`;
  }
}

function connect(): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('hello', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('hostile socket payloads', () => {
  it(`${PAYLOADS.toLocaleString('en')} arbitrary and mutated payloads on every write event: each answered, none crashes`, async () => {
    const socket = await connect();
    const samples = fc.sample(payload, { numRuns: PAYLOADS, seed: 20240515 });
    const problems: string[] = [];
    let accepted = 0;
    let refused = 0;
    let next = 0;
    const sendOne = async (): Promise<void> => {
      while (next < samples.length) {
        const i = next++;
        const event = EVENTS[i % EVENTS.length]!;
        const sent = samples[i];
        const ack = (await socket.timeout(30_000).emitWithAck(event, sent)) as Ack;
        const problem = judge(event, sent, ack);
        if (problem) problems.push(`${event} ${JSON.stringify(sent)?.slice(0, 300)}: ${problem}`);
        if (ack.ok) accepted++;
        else refused++;
      }
    };
    await Promise.all(Array.from({ length: WINDOW }, sendOne));
    expect(problems.slice(0, 5)).toEqual([]);
    expect(accepted + refused).toBe(PAYLOADS);
    // both kinds were reached: the generator is not all noise
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(50_000);
    // still serving: a new viewer is welcomed with every note accepted
    const viewer = await connect();
    expect(viewer.connected).toBe(true);
    viewer.close();
    socket.close();
    expect(hub.annotations.size).toBeGreaterThan(0);
  }, 600_000);

  it('answers payloads with no ack, a non-function ack and several arguments without failing', async () => {
    const socket = await connect();
    socket.emit('annotate', { v: 1, t: T, title: 'no ack', kind: 'note' });
    socket.emit('annotate', { v: 1, t: T, title: 'two', kind: 'note' }, 'not a function', 3);
    socket.emit('annotate');
    const ack = (await socket.timeout(10_000).emitWithAck('annotate', null)) as Ack;
    expect(ack).toMatchObject({ ok: false, error: expect.stringContaining('annotate:') });
    socket.close();
  });

  it('malformed packets below Socket.IO close that connection only, and the gateway serves on', async () => {
    const wsUrl = `${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const junk = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `42${s}`),
        fc.string({ maxLength: 200 }).map((s) => `42["annotate",${s}`),
        fc.constantFrom(
          '40',
          '4',
          '42',
          '451-["annotate",{"_placeholder":true,"num":99}]',
          '2',
          '6',
        ),
        fc.uint8Array({ maxLength: 200 }),
      ),
      { numRuns: 2000, seed: 11 },
    );
    // many packets down each connection: each connection is closed by the first bad one
    for (let i = 0; i < junk.length; i += 100) {
      const ws = new WebSocket(wsUrl);
      await once(ws, 'open');
      ws.send('40');
      for (const packet of junk.slice(i, i + 100)) {
        if (ws.readyState !== WebSocket.OPEN) break;
        ws.send(packet);
      }
      ws.close();
      await once(ws, 'close');
    }
    const socket = await connect();
    const ack = (await socket.timeout(10_000).emitWithAck('annotate', {
      v: 1,
      t: T,
      title: 'after the junk',
      kind: 'note',
    })) as Ack;
    expect(ack.ok).toBe(true);
    socket.close();
  }, 120_000);
});
