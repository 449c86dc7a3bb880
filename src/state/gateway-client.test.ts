import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Frame, Hello } from '../core/protocol/protocol';
import { connectGateway } from './gateway-client';
import { createDashboardStore, type DashboardState } from './store';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const SERVERS: Hello['servers'] = [
  { id: 'a', weight: 1 },
  { id: 'b', weight: 1 },
];

const helloOf = (over: Partial<Hello> = {}): Hello => ({
  v: 1,
  source: 'sim:test',
  mode: 'live',
  intervalMs: 1000,
  servers: SERVERS,
  now: T0,
  gatewayId: 'gw-1',
  ...over,
});
const frameOf = (seq: number): Frame => ({
  v: 1,
  seq,
  t: T0 + seq * 1000,
  intervalMs: 1000,
  samples: SERVERS.map((s) => ({
    id: s.id,
    requests: 10,
    latencyMs: { p50: 1, p95: 2, p99: 3 },
  })),
});

/** A gateway the test scripts, on loopback: it keeps what each handshake presented. */
async function scriptedGateway(onConnect: (socket: Socket) => void) {
  const http = createServer();
  const io = new Server(http);
  const handshakes: Record<string, unknown>[] = [];
  io.on('connection', (socket) => {
    handshakes.push(socket.handshake.auth as Record<string, unknown>);
    onConnect(socket);
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets = () => [...io.of('/').sockets.values()];
  const close = () => new Promise<void>((resolve) => io.close(() => resolve()));
  return { io, url, handshakes, sockets, close };
}

const stops: (() => unknown)[] = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
});

// the browser around the client: animation frames, and the tab's wake-up events
beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
    setTimeout(() => cb(performance.now()), 16),
  );
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.stubGlobal('window', new EventTarget());
  stops.push(() => vi.unstubAllGlobals());
});

/** Polls `check` until it holds, or fails after a generous deadline saying what it saw. */
async function until(check: () => boolean, what: () => unknown): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited 20 s; saw ${JSON.stringify(what())}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A page's store fed from the gateway at `url`. */
function page(url: string, token?: string) {
  const store = createDashboardStore();
  const stop = connectGateway(store, { urls: [url], ...(token !== undefined && { token }) });
  stops.push(stop);
  const state = store.getState;
  const seqs = () => {
    const { series } = state();
    return Array.from({ length: series.length }, (_, i) => series.seqs[series.slot(i)]);
  };
  const wait = <T>(read: (s: DashboardState) => T, expected: T) =>
    until(
      () => JSON.stringify(read(state())) === JSON.stringify(expected),
      () => read(state()),
    );
  return { store, state, seqs, wait };
}

// a generous timeout: the deadlines inside are what a loaded machine needs, not the default 5 s
describe('the page’s gateway client', { timeout: 60_000 }, () => {
  it('takes the hello, then the frames in order, and is live', async () => {
    const gateway = await scriptedGateway((socket) => {
      socket.emit('hello', helloOf());
      for (let seq = 0; seq < 3; seq++) socket.emit('frame', frameOf(seq));
    });
    stops.push(gateway.close);
    const { state, seqs, wait } = page(gateway.url);
    await wait(() => seqs(), [0, 1, 2]);
    expect(state().connection).toBe('live');
    expect(state().source).toMatchObject({ source: 'sim:test', mode: 'live', intervalMs: 1000 });
    expect(state().series.servers.map((s) => s.id)).toEqual(['a', 'b']);
    expect(state().series.newestT).toBe(T0 + 2000);
    // the first handshake holds nothing to resume from
    expect(gateway.handshakes[0]).toEqual({});
  });

  it('resumes after the last seq it holds when the connection drops, losing no frame', async () => {
    let next = 0;
    const gateway = await scriptedGateway((socket) => {
      socket.emit('hello', helloOf());
      const after = (socket.handshake.auth as { resumeAfterSeq?: number }).resumeAfterSeq ?? -1;
      // a resuming client gets what it missed: the frames after the seq it names
      for (let seq = after + 1; seq < next; seq++) socket.emit('frame', frameOf(seq));
    });
    stops.push(gateway.close);
    const live = (count: number) => {
      for (let i = 0; i < count; i++) gateway.io.emit('frame', frameOf(next++));
    };
    const { state, seqs, wait } = page(gateway.url);
    await wait((s) => s.connection, 'live');
    live(5);
    await wait(() => seqs(), [0, 1, 2, 3, 4]);
    // the network drops: the engine closes under the socket, and frames go on meanwhile
    for (const socket of gateway.sockets()) socket.conn.close();
    await wait((s) => s.connection, 'reconnecting');
    live(2);
    await until(
      () => gateway.handshakes.length === 2,
      () => gateway.handshakes,
    );
    expect(gateway.handshakes[1]).toEqual({ resumeAfterSeq: 4, gatewayId: 'gw-1' });
    await wait(() => seqs(), [0, 1, 2, 3, 4, 5, 6]);
    expect(state().connection).toBe('live');
    expect(state().series.missedFrames).toBe(0);
  });

  it('draws a catch-up once: the frames up to the hello’s newestSeq land as one batch', async () => {
    const CATCH_UP = 200;
    const gateway = await scriptedGateway((socket) => {
      socket.emit('hello', helloOf({ newestSeq: CATCH_UP - 1 }));
      // the resent frames come over several animation frames, as on a real network
      let seq = 0;
      const chunk = () => {
        for (const end = seq + 50; seq < end; seq++) socket.emit('frame', frameOf(seq));
        if (seq < CATCH_UP) setTimeout(chunk, 40);
      };
      chunk();
    });
    stops.push(gateway.close);
    const { store, state, wait } = page(gateway.url);
    // the newest seq the page held each time it was told the series changed
    const drawn: number[] = [];
    let version = state().seriesVersion;
    stops.push(
      store.subscribe((s) => {
        if (s.seriesVersion === version) return;
        version = s.seriesVersion;
        drawn.push(s.series.newestSeq);
      }),
    );
    await wait((s) => s.series.newestSeq, CATCH_UP - 1);
    expect(drawn.filter((seq) => seq >= 0)).toEqual([CATCH_UP - 1]);
  });

  it('says stale when frames stop for three intervals, and live when one comes again', async () => {
    const gateway = await scriptedGateway((socket) => {
      // 100 ms frames on the wall clock: 1 s frames played ten times faster
      socket.emit('hello', helloOf({ speed: 10 }));
      socket.emit('frame', frameOf(0));
    });
    stops.push(gateway.close);
    const { state, seqs, wait } = page(gateway.url);
    await wait(() => seqs(), [0]);
    await wait((s) => s.connection, 'stale');
    expect(state().connectionDetail).toMatch(/^no frame for \d+\.\d s$/);
    // the socket stayed open all along: it is the frames that stopped
    expect(gateway.sockets()).toHaveLength(1);
    gateway.io.emit('frame', frameOf(1));
    await wait((s) => s.connection, 'live');
    await wait(() => seqs(), [0, 1]);
  });

  it('drops a payload that does not match the protocol, counted and named', async () => {
    const gateway = await scriptedGateway((socket) => {
      socket.emit('hello', helloOf());
      socket.emit('frame', frameOf(0));
      socket.emit('frame', {
        ...frameOf(1),
        samples: [{ id: 'a', requests: -1, latencyMs: null }],
      });
      socket.emit('frame', frameOf(2));
    });
    stops.push(gateway.close);
    const { state, seqs, wait } = page(gateway.url);
    await wait(() => seqs(), [0, 2]);
    expect(state().badInputCount).toBe(1);
    expect(state().lastBadInput?.error).toMatch(/requests/);
  });

  it('presents its token, and says offline when the gateway refuses it', async () => {
    const gateway = await scriptedGateway((socket) => socket.emit('hello', helloOf()));
    gateway.io.use((socket, next) =>
      (socket.handshake.auth as { token?: string }).token === 'right'
        ? next()
        : next(new Error('unauthorized')),
    );
    stops.push(gateway.close);
    const refused = page(gateway.url, 'wrong');
    await refused.wait((s) => s.connection, 'offline');
    expect(refused.state().connectionDetail).toMatch(/^unauthorized/);
    const admitted = page(gateway.url, 'right');
    await admitted.wait((s) => s.source?.source, 'sim:test');
    expect(gateway.handshakes).toEqual([{ token: 'right' }]);
  });
});
