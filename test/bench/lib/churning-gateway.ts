/**
 * A gateway for the soak benchmark: speaks protocol v1 (CONTRACT section 1) over Socket.IO like
 * the real one, but its clock is the benchmark's: a frame goes out when the benchmark says, so
 * a simulated week plays as fast as the page can take it. Its fleet churns: servers are replaced
 * one at a time by new ids (pods that never come back), and `hello` is sent again with the new
 * list each time, as the real gateway does when its source's list changes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type {
  AlertPayload,
  Annotation,
  Frame,
  Hello,
  ServerInfo,
} from '../../../src/core/protocol/protocol';

export interface ChurningGatewayOptions {
  servers: number;
  intervalMs: number;
  startT: number;
  /** the page's origin, let in */
  origin: string;
}

export interface ChurningGateway {
  url: string;
  /** seq of the last frame sent, -1 before the first */
  readonly seq: number;
  readonly t: number;
  /** replaces the oldest server by a new one and says so (a new hello) */
  replaceOne(): void;
  /** sends the next frame */
  frame(): void;
  note(title: string): void;
  alert(state: 'firing' | 'resolved', id: string, since: number): void;
  close(): Promise<void>;
}

export async function startChurningGateway(opts: ChurningGatewayOptions): Promise<ChurningGateway> {
  const http = createServer();
  const io = new Server(http, {
    serveClient: false,
    cors: { origin: opts.origin },
    // the page stands still while the benchmark takes its heap snapshot (seconds, more on a
    // loaded machine); a missed ping must not drop it, as frames sent meanwhile would be lost
    pingTimeout: 300_000,
  });
  let born = 0;
  const newServer = (): ServerInfo => ({
    id: `pod-${String(born++).padStart(6, '0')}`,
    pool: `pool-${born % 5}`,
    weight: 1,
  });
  const fleet: ServerInfo[] = Array.from({ length: opts.servers }, newServer);
  let seq = -1;
  let t = opts.startT;
  const hello = (): Hello => ({
    v: 1,
    source: 'bench:week-soak',
    mode: 'live',
    intervalMs: opts.intervalMs,
    servers: fleet,
    now: t,
  });
  io.on('connection', (socket) => socket.emit('hello', hello()));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get seq() {
      return seq;
    },
    get t() {
      return t;
    },
    replaceOne() {
      fleet.shift();
      fleet.push(newServer());
      io.emit('hello', hello());
    },
    frame() {
      seq++;
      t += opts.intervalMs;
      const frame: Frame = {
        v: 1,
        seq,
        t,
        intervalMs: opts.intervalMs,
        samples: fleet.map((s, i) => {
          const p50 = 20 + ((i * 7 + seq) % 13);
          return {
            id: s.id,
            requests: 900 + ((i * 31 + seq * 17) % 200),
            errors: (i + seq) % 97 === 0 ? 1 : 0,
            latencyMs: { p50, p95: p50 * 2.5, p99: p50 * 4 },
          };
        }),
      };
      io.emit('frame', frame);
    },
    note(title) {
      const note: Annotation = { v: 1, id: `note:${seq}`, t, title, kind: 'change' };
      io.emit('annotation', note);
    },
    alert(state, id, since) {
      const alert: AlertPayload = {
        v: 1,
        id,
        state,
        t,
        since,
        rule: 'latency',
        servers: [fleet[0]!.id],
        cause: 'backend',
        message: `${fleet[0]!.id} is slow`,
      };
      io.emit('alert', alert);
    },
    close: () =>
      new Promise((resolve) => {
        io.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
