/**
 * From a skew starting in the traffic to the gateway's share-skew alert, read through
 * Prometheus as a team runs it: Debian's HAProxy (`balance source` over 4 loopback backends,
 * its built-in exporter), Debian's Prometheus scraping it every 5 s, and the real gateway
 * (`skewboard serve --source prometheus:<url>`) at its default --interval (5 s) and default
 * detector config. Peer, same run, same traffic: a second gateway reading the same HAProxy's
 * stats CSV (`--source haproxy:<stats;csv>`), also every 5 s, so the difference is what the
 * scrape adds. Goal: at most 30 s (the median of 3 trials, a fresh stack each).
 *
 * Each trial: 100 requests a second from 64 client addresses (127.0.0.2 to .65: Linux routes
 * all of 127.0.0.0/8 to loopback), which the source hash spreads over the 4 servers; 30 s of
 * that with both gateways reading it, checked to be roughly even with no alert; then at T0
 * every request comes from 127.0.0.2 alone, so one server takes them all; then the time until
 * each gateway's socket receives the share-skew `alert`, firing, naming that server.
 *
 * Where the time goes, by src/core/detector/config.ts (windowMs 20 s, shareSkew.fireAfterMs
 * 20 s). First the skew must be in a frame: Prometheus holds it only after its next scrape
 * (0 to 5 s after T0) and the gateway asks at its next poll (0 to 5 s after that); the stats
 * CSV has it at once, so only the poll's 0 to 5 s. A 5 s frame holding x s of the skew gives
 * the pinned server 1 + 0.15x times its share of the 20 s window, so a frame with 3.3 s or
 * more of it (a whole one: 1.75x) fires, and the condition counts as holding from that frame's
 * start. The alert fires once it has held 20 s: at the fourth such frame, 15 s after the first
 * arrived, or at the fifth, 20 s after. Which one is a coin toss: a frame's interval runs
 * between two read times, which land a few ms either side of the timer's exact 5 s steps, so
 * four intervals add up to a few ms under or over 20,000 ms. In all: 0 to 10 s (Prometheus)
 * or 0 to 5 s (CSV) until a frame holds the skew, 5 s more when that frame held too little of
 * it, then 15 or 20 s: 15 to 35 s through Prometheus, 15 to 30 s from the CSV. So the median
 * meets the goal, and a single skew can take up to 35 s (seen so far: 20 to 28 s).
 *
 *   npx tsx test/bench/prometheus-skew-delay.ts [out.json]
 */
import { get } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { parsePayload, type AlertPayload, type Hello } from '../../src/core/protocol/protocol';
import { startGateway } from '../e2e/harness';
import {
  startBackends,
  startHaproxy,
  startPrometheus,
  until,
  type Backend,
  type Cleanup,
  type Later,
} from '../support/services';
import { goal, goalTable, ratio, table, writeResult } from './lib/report';
import { median } from './lib/stats';

const TRIALS = 3;
const BACKENDS = ['web1', 'web2', 'web3', 'web4'];
const ADDRESSES = Array.from({ length: 64 }, (_, i) => `127.0.0.${i + 2}`);
const PINNED_ADDRESS = ADDRESSES[0]!;
const REQUESTS_PER_S = 100;
const SCRAPE = '5s';
const WARMUP_MS = 30_000;
const ALERT_DEADLINE_MS = 120_000;
const GOAL_S = 30;
// balanced enough: every server within 0.6x to 1.4x of its quarter, far from the 1.5x that fires
const EVEN = { min: 0.6, max: 1.4 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;

/** Requests through `url` at a steady rate, each on its own connection, from `sources` in turn. */
function startLoad(url: string, later: Later) {
  const { hostname, port } = new URL(url);
  let sources = ADDRESSES;
  let next = 0;
  let sent = 0;
  let failed = 0;
  let inFlight = 0;
  const timer = setInterval(() => {
    const localAddress = sources[next++ % sources.length]!;
    sent++;
    inFlight++;
    const done = () => void inFlight--;
    // a connection per request: HAProxy hashes the source of each one
    const req = get({ host: hostname, port, path: '/', localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', done);
      res.on('error', done);
    });
    req.on('error', () => {
      failed++;
      done();
    });
  }, 1000 / REQUESTS_PER_S);
  const stop = async () => {
    clearInterval(timer);
    await until(
      10_000,
      () => inFlight === 0,
      () => `${inFlight} requests still open`,
    );
  };
  later(stop);
  return {
    /** every request from now on from one address */
    pin: (address: string) => {
      sources = [address];
      next = 0;
    },
    sent: () => sent,
    failed: () => failed,
  };
}

interface Watched {
  name: string;
  socket: Socket;
  hello?: Hello;
  /** frames with requests on every backend */
  fullFrames: number;
  /** performance.now() of the latest frame */
  lastFrameAt: number;
  /** when each frame arrived, and each server's requests in it */
  frames: { at: number; requests: Map<string, number> }[];
  /** share-skew alerts as they arrived, with performance.now() */
  alerts: { at: number; alert: AlertPayload }[];
  output: () => string;
}

/** A gateway on `source`, at its defaults, and a socket on it recording frames and alerts. */
async function watch(name: string, source: string, later: Later): Promise<Watched> {
  const gateway = await startGateway(['--source', source, '--no-record']);
  later(() => gateway.stop());
  const socket = io(gateway.url, { transports: ['websocket'], forceNew: true });
  later(() => void socket.close());
  const w: Watched = {
    name,
    socket,
    fullFrames: 0,
    lastFrameAt: NaN,
    frames: [],
    alerts: [],
    output: gateway.output,
  };
  socket.on('hello', (payload: unknown) => {
    const parsed = parsePayload('hello', payload);
    if (parsed.ok) w.hello = parsed.value;
  });
  socket.on('frame', (payload: unknown) => {
    w.lastFrameAt = performance.now();
    const parsed = parsePayload('frame', payload);
    if (!parsed.ok) return;
    const samples = parsed.value.samples;
    w.frames.push({ at: w.lastFrameAt, requests: new Map(samples.map((s) => [s.id, s.requests])) });
    const served = samples.filter((s) => s.requests > 0).length;
    if (served === BACKENDS.length) w.fullFrames++;
  });
  socket.on('alert', (payload: unknown) => {
    const at = performance.now();
    const parsed = parsePayload('alert', payload);
    if (parsed.ok && parsed.value.rule === 'share-skew') w.alerts.push({ at, alert: parsed.value });
  });
  return w;
}

interface Trial {
  /** requests per backend over the warm-up, in BACKENDS order */
  warmupHits: number[];
  pinned: string;
  /** ms from T0 to the firing alert naming the pinned server, by source */
  delayMs: Record<string, number>;
  /** ms from T0 to the first frame that gave the pinned server 1.5x its share, by source */
  seenMs: Record<string, number>;
  intervalMs: Record<string, number>;
  failedRequests: number;
}

const firingFor = (w: Watched, server: string) =>
  w.alerts.find((a) => a.alert.state === 'firing' && a.alert.servers.includes(server));

async function trial(n: number): Promise<Trial> {
  const cleanups: Cleanup[] = [];
  const later: Later = (cleanup) => void cleanups.push(cleanup);
  try {
    const backends = await startBackends(BACKENDS, later);
    const haproxy = await startHaproxy({ backends, balance: 'source', stats: true }, later);
    const prometheus = await startPrometheus(
      { targets: [haproxy.exporter], scrapeInterval: SCRAPE },
      later,
    );
    const load = startLoad(haproxy.frontUrl, later);
    const watched = await Promise.all([
      watch('prometheus:', `prometheus:${prometheus.url}`, later),
      watch('haproxy:', `haproxy:${haproxy.statsCsvUrl!}`, later),
    ]);
    // both gateways see traffic on every server before the warm-up counts
    await until(
      60_000,
      () => watched.every((w) => w.fullFrames >= 1),
      () => `no frame with traffic on every server:\n${watched.map((w) => w.output()).join('\n')}`,
    );
    const hits = (bs: Backend[]) => bs.map((b) => b.hits);
    const before = hits(backends);
    // T0 at a random moment of the 5 s cycles: the wait above ended just after a poll, and a
    // skew that always starts just after one would always be measured at the same phase
    await sleep(WARMUP_MS + Math.random() * 5000);
    const warmupHits = hits(backends).map((h, i) => h - before[i]!);
    const total = warmupHits.reduce((a, b) => a + b, 0);
    const shares = warmupHits.map((h) => (h / total) * BACKENDS.length);
    console.log(
      `trial ${n}: warm-up ${total} requests, per server ${warmupHits.join(' / ')}` +
        ` (${shares.map((s) => `${s.toFixed(2)}x`).join(' / ')} of an even share)`,
    );
    if (shares.some((s) => s < EVEN.min || s > EVEN.max)) {
      throw new Error(`the balanced traffic is not balanced: ${warmupHits.join(' / ')}`);
    }
    const early = watched.flatMap((w) => w.alerts.map((a) => `${w.name} ${a.alert.message}`));
    if (early.length > 0) throw new Error(`alerts during the warm-up: ${early.join('; ')}`);

    // the skew
    const atT0 = hits(backends);
    const t0 = performance.now();
    load.pin(PINNED_ADDRESS);
    const phase = watched.map((w) => `${seconds(t0 - w.lastFrameAt)} after ${w.name}'s last frame`);
    const pinned = () => {
      const grown = hits(backends).map((h, i) => h - atT0[i]!);
      return `app/${BACKENDS[grown.indexOf(Math.max(...grown))]!}`;
    };
    await until(
      ALERT_DEADLINE_MS,
      () => performance.now() - t0 > 2000 && watched.every((w) => firingFor(w, pinned())),
      () =>
        `no share-skew alert naming ${pinned()} within ${seconds(ALERT_DEADLINE_MS)}: ` +
        watched.map((w) => `${w.name} ${JSON.stringify(w.alerts)}`).join('; '),
    );
    const grown = hits(backends).map((h, i) => h - atT0[i]!);
    const elsewhere = grown.filter((_, i) => `app/${BACKENDS[i]}` !== pinned());
    // a request sent just before T0 may land after it
    if (elsewhere.some((h) => h > REQUESTS_PER_S)) {
      throw new Error(`the skew did not pin one server: ${grown.join(' / ')}`);
    }
    const delayMs: Record<string, number> = {};
    const seenMs: Record<string, number> = {};
    const intervalMs: Record<string, number> = {};
    const skewed = (requests: Map<string, number>) => {
      const total = [...requests.values()].reduce((a, b) => a + b, 0);
      return (requests.get(pinned()) ?? 0) > (1.5 * total) / BACKENDS.length;
    };
    for (const w of watched) {
      delayMs[w.name] = firingFor(w, pinned())!.at - t0;
      seenMs[w.name] = (w.frames.find((f) => f.at > t0 && skewed(f.requests))?.at ?? NaN) - t0;
      intervalMs[w.name] = w.hello?.intervalMs ?? NaN;
    }
    console.log(
      `trial ${n}: T0 ${phase.join(', ')}; pinned ${pinned()}; ` +
        watched
          .map(
            (w) =>
              `${w.name} skew in a frame after ${seconds(seenMs[w.name]!)}, ` +
              `alert after ${seconds(delayMs[w.name]!)}`,
          )
          .join('; ') +
        `; ${load.failed()} of ${load.sent()} requests failed`,
    );
    return {
      warmupHits,
      pinned: pinned(),
      delayMs,
      seenMs,
      intervalMs,
      failedRequests: load.failed(),
    };
  } finally {
    while (cleanups.length > 0) {
      await Promise.resolve(cleanups.pop()!()).catch((err: unknown) =>
        console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
  }
}

const trials: Trial[] = [];
for (let n = 1; n <= TRIALS; n++) trials.push(await trial(n));

const SOURCES = ['prometheus:', 'haproxy:'];
const delays = (source: string) => trials.map((t) => t.delayMs[source]!);
const seen = (source: string) => trials.map((t) => t.seenMs[source]!);
const cell = (alertMs: number, seenMs: number) =>
  `${seconds(alertMs)} (in a frame at ${seconds(seenMs)})`;
const rows = [
  [
    'trial',
    'pinned',
    'warm-up hits per server',
    'prometheus: (5 s scrape)',
    'haproxy: CSV, same run',
  ],
  ...trials.map((t, i) => [
    String(i + 1),
    t.pinned,
    t.warmupHits.join(' / '),
    ...SOURCES.map((s) => cell(t.delayMs[s]!, t.seenMs[s]!)),
  ]),
  ['median', '', '', ...SOURCES.map((s) => cell(median(delays(s)), median(seen(s))))],
];
const intervals = SOURCES.map((s) => `${s} ${trials[0]!.intervalMs[s]} ms`).join(', ');
console.log(
  "T0 (the skew starts) -> share-skew alert firing on the gateway's socket, and -> the first " +
    `frame giving the pinned server 1.5x its share; poll ${intervals}`,
);
console.log(table(rows));
const promMedian = median(delays('prometheus:'));
const csvMedian = median(delays('haproxy:'));
console.log(
  `prometheus: / haproxy:, medians: alert ${ratio(promMedian / csvMedian)}` +
    ` (${seconds(promMedian - csvMedian)}); skew in a frame` +
    ` ${seconds(median(seen('prometheus:')) - median(seen('haproxy:')))} later`,
);
const goals = [
  goal(
    'skew -> alert through Prometheus (5 s scrape, 5 s poll, default detector)',
    `<= ${GOAL_S} s`,
    seconds(promMedian),
    promMedian <= GOAL_S * 1000,
  ),
];
console.log(goalTable(goals));
writeResult({
  benchmark: 'prometheus-skew-delay',
  figures: {
    trials: trials.map(({ pinned, warmupHits, delayMs, seenMs, failedRequests }) => ({
      pinned,
      warmupHits,
      delayMs,
      seenMs,
      failedRequests,
    })),
    prometheusMedianMs: promMedian,
    haproxyCsvMedianMs: csvMedian,
    prometheusSeenMedianMs: median(seen('prometheus:')),
    haproxyCsvSeenMedianMs: median(seen('haproxy:')),
  },
  goals,
});
