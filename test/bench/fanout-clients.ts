/**
 * A child of test/bench/fanout.ts: many Socket.IO clients (socket.io-client, websocket
 * transport) in one Node process, each noting when every frame reached it. Driven over IPC;
 * it never sends to the gateway and exits when told, or when its parent goes.
 */
import { io, type Socket } from 'socket.io-client';
import { stampingParser } from './lib/stamping-parser';

export type ToClients =
  | {
      kind: 'connect';
      url: string;
      count: number;
      resumeAfterSeq: number;
      /** stock: parse every frame as a page would; stamp: note arrival, parse nothing */
      parser: 'stock' | 'stamp';
    }
  | { kind: 'disconnect' }
  /** the measured window starts: CPU is counted from here */
  | { kind: 'mark' }
  | { kind: 'report'; fromSeq: number; toSeq: number }
  | { kind: 'close' };

export type FromClients =
  | { kind: 'connected'; clients: number; failed: number }
  /** for each client, arrival wall time minus frame t (ms), per seq from fromSeq; null: never came */
  | { kind: 'report'; lags: (number | null)[][]; cpuMs: number }
  | { kind: 'disconnected' }
  | { kind: 'closed' };

const BATCH = 50;
const BATCH_GAP_MS = 100;
const sockets: Socket[] = [];
/** per client: seq -> arrival wall time minus t */
const seen: Map<number, number>[] = [];
let cpu = process.cpuUsage();

const send = (m: FromClients) => process.send!(m);

async function connectAll({
  url,
  count,
  resumeAfterSeq,
  parser,
}: Extract<ToClients, { kind: 'connect' }>) {
  let failed = 0;
  for (let i = 0; i < count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - i) }, () => {
      const lags = new Map<number, number>();
      const socket = io(url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        // skip the buffer a new connection is sent: only live frames are timed
        auth: { resumeAfterSeq },
        ...(parser === 'stamp' && { parser: stampingParser }),
      });
      socket.on('frame', (f: { seq: number; t: number }) => lags.set(f.seq, Date.now() - f.t));
      sockets.push(socket);
      seen.push(lags);
      return new Promise<void>((resolve) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', () => {
          failed++;
          resolve();
        });
      });
    });
    await Promise.all(batch);
    await new Promise((r) => setTimeout(r, BATCH_GAP_MS));
  }
  send({ kind: 'connected', clients: sockets.length - failed, failed });
}

process.on('message', (m: ToClients) => {
  if (m.kind === 'connect') void connectAll(m);
  else if (m.kind === 'disconnect') {
    for (const s of sockets.splice(0)) s.disconnect();
    seen.length = 0;
    send({ kind: 'disconnected' });
  } else if (m.kind === 'mark') cpu = process.cpuUsage();
  else if (m.kind === 'report') {
    const used = process.cpuUsage(cpu);
    const seqs = Array.from({ length: m.toSeq - m.fromSeq + 1 }, (_, k) => m.fromSeq + k);
    const lags = seen.map((lag) => seqs.map((seq) => lag.get(seq) ?? null));
    send({ kind: 'report', lags, cpuMs: (used.user + used.system) / 1000 });
  } else {
    for (const s of sockets) s.disconnect();
    send({ kind: 'closed' });
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
