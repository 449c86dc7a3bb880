/**
 * Gateways clustered on Redis (`serve --redis`): 1,000 Socket.IO clients split over two
 * gateways sharing Debian's redis-server, against the peer measured in the same run: one
 * gateway without Redis serving all 1,000 (sim:fleet-200: 200 servers, one frame a second,
 * speed 1). Delivery latency is as in fanout.ts: arrival wall time minus (frame t + offset),
 * the offset the fastest delivery to a lone control client before any load (clustered, that
 * client reads the follower, so the offset takes in the fastest Redis hop and the latency
 * above it is what the stream and the fan-out add under load). Then the holder is SIGKILLed:
 * the takeover time is from the kill to the first new frame at a client of the other gateway;
 * its peer is one gateway SIGKILLed and started again at once on its port (a supervisor's
 * restart) until a client has a frame again.
 *
 *   npx tsx test/bench/cluster.ts [out.json]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { freePort, startGateway, type RunningGateway } from '../e2e/harness';
import type { FromClients, ToClients } from './fanout-clients';
import { goal, goalTable, ms, table, writeResult } from './lib/report';
import { resources } from './lib/resources';
import { percentile } from './lib/stats';
import { startRedis } from '../support/services';

const CLIENTS = 1000;
const WINDOW_FRAMES = 10;
const CALIBRATION_FRAMES = 8;
const SOURCE = ['--source', 'sim:fleet-200', '--speed', '1', '--no-record'];
const here = dirname(fileURLToPath(import.meta.url));
const held = resources('cluster', 8 * 60_000);

/** A client that notes when each frame reached it. */
function control(url: string) {
  const lags = new Map<number, number>();
  const arrivals: { seq: number; at: number }[] = [];
  const waiting: (() => void)[] = [];
  const socket: Socket = held.hold(io(url, { transports: ['websocket'] }), (s) => s.disconnect());
  socket.on('frame', (f: { seq: number; t: number }) => {
    lags.set(f.seq, Date.now() - f.t);
    arrivals.push({ seq: f.seq, at: Date.now() });
    for (const w of waiting.splice(0)) w();
  });
  const next = () => new Promise<void>((r) => waiting.push(r));
  const newest = () => arrivals.at(-1)?.seq ?? -1;
  const framesPass = async (n: number) => {
    for (let i = 0; i < n; i++) await next();
    return newest();
  };
  return { lags, arrivals, newest, framesPass };
}

const replies = new Map<ChildProcess, ((m: FromClients) => void)[]>();
function clientProcess(): ChildProcess {
  const child = fork(join(here, 'fanout-clients.ts'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  replies.set(child, []);
  held.hold(child, (c) => c.connected && ask(c, { kind: 'close' }));
  child.on('message', (m: FromClients) => replies.get(child)!.shift()?.(m));
  return child;
}
const ask = (child: ChildProcess, m: ToClients) =>
  new Promise<FromClients>((resolve) => {
    replies.get(child)!.push(resolve);
    child.send(m);
  });

interface Delivery {
  setup: string;
  connected: number;
  p50: number;
  p99: number;
  max: number;
  missing: number;
}

/** 1,000 clients, half on each url; delivery over WINDOW_FRAMES frames. */
async function deliveries(
  setup: string,
  urls: [string, string],
  watch: ReturnType<typeof control>,
) {
  await watch.framesPass(2);
  const from = watch.newest() + 1;
  await watch.framesPass(CALIBRATION_FRAMES);
  const offset = Math.min(...[...watch.lags].filter(([s]) => s >= from).map(([, l]) => l));
  const children = [clientProcess(), clientProcess()];
  let connected = 0;
  for (const [i, child] of children.entries()) {
    const reply = await ask(child, {
      kind: 'connect',
      url: urls[i]!,
      count: CLIENTS / 2,
      resumeAfterSeq: watch.newest(),
      parser: 'stamp',
    });
    if (reply.kind === 'connected') connected += reply.clients;
  }
  await watch.framesPass(2);
  const fromSeq = watch.newest() + 1;
  const toSeq = await watch.framesPass(WINDOW_FRAMES);
  await new Promise((r) => setTimeout(r, 500));
  const lags: number[] = [];
  let missing = 0;
  for (const child of children) {
    const reply = await ask(child, { kind: 'report', fromSeq, toSeq });
    if (reply.kind !== 'report') continue;
    for (const perClient of reply.lags)
      for (const lag of perClient) {
        if (lag === null) missing++;
        else lags.push(lag - offset);
      }
  }
  for (const child of children) await ask(child, { kind: 'disconnect' });
  const row: Delivery = {
    setup,
    connected,
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    max: Math.max(...lags),
    missing,
  };
  return row;
}

/** From the kill to the first frame with a larger seq at `watch`'s client. */
async function timeToNextFrame(watch: ReturnType<typeof control>, kill: () => Promise<void>) {
  const before = watch.newest();
  await kill();
  const killedAt = Date.now();
  while (!watch.arrivals.some((a) => a.at > killedAt && a.seq > before)) {
    if (Date.now() - killedAt > 60_000) return NaN;
    await new Promise((r) => setTimeout(r, 10));
  }
  return watch.arrivals.find((a) => a.at > killedAt && a.seq > before)!.at - killedAt;
}

const rows: Delivery[] = [];
const handover = { takeoverMs: NaN, restartMs: NaN, takeoverBreaks: [] as string[] };
try {
  // the peer first: one gateway, no Redis
  const port = await freePort();
  let single: RunningGateway = await startGateway(SOURCE, port);
  const soloWatch = control(single.url);
  rows.push(await deliveries('one gateway, no Redis', [single.url, single.url], soloWatch));
  handover.restartMs = await timeToNextFrame(soloWatch, async () => {
    await single.kill();
    single = await startGateway(SOURCE, port);
  });
  await single.stop();

  // Debian's redis-server, as the integration tests start it, stopped with the rest
  const redis = (await startRedis((stop) => void held.hold(stop, (s) => s()))).url;
  const holder = held.hold(await startGateway([...SOURCE, '--redis', redis]), (g) => g.stop());
  while (!holder.output().includes('took the lease')) await new Promise((r) => setTimeout(r, 50));
  const follower = held.hold(await startGateway([...SOURCE, '--redis', redis]), (g) => g.stop());
  const watch = control(follower.url);
  rows.push(await deliveries('two gateways on Redis', [holder.url, follower.url], watch));
  handover.takeoverMs = await timeToNextFrame(watch, () => holder.kill());
  await watch.framesPass(3);
  const seqs = watch.arrivals.map((a) => a.seq);
  handover.takeoverBreaks = seqs
    .slice(1)
    .flatMap((s, i) => (s === seqs[i]! + 1 ? [] : [`${seqs[i]}->${s}`]));
} finally {
  await held.close();
}

const { takeoverMs, restartMs, takeoverBreaks } = handover;
console.log(
  table([
    ['setup', 'clients', 'latency p50', 'latency p99', 'max', 'not delivered'],
    ...rows.map((r) => [
      r.setup,
      String(r.connected),
      ms(r.p50),
      ms(r.p99),
      ms(r.max),
      String(r.missing),
    ]),
  ]),
);
console.log(
  `holder SIGKILLed: the other gateway's client had a new frame ${ms(takeoverMs)} later ` +
    `(seq breaks at that client: ${takeoverBreaks.length === 0 ? 'none' : takeoverBreaks.join(', ')}); ` +
    `peer: one gateway SIGKILLed and restarted at once on its port: ${ms(restartMs)}`,
);
const cluster = rows.find((r) => r.setup.startsWith('two'))!;
const goals = [
  goal(
    `p99 delivery, ${CLIENTS} clients over two gateways`,
    '<= 100 ms',
    ms(cluster.p99),
    cluster.p99 <= 100 && cluster.missing === 0,
  ),
  goal(
    'takeover, holder SIGKILLed',
    '<= 10 s',
    ms(takeoverMs),
    takeoverMs <= 10_000 && takeoverBreaks.length === 0,
  ),
];
console.log(goalTable(goals));
writeResult({
  benchmark: 'cluster',
  figures: { rows, takeoverMs, restartMs, takeoverBreaks },
  goals,
});
