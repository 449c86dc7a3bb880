/**
 * What one poll of the `prometheus:` source costs the gateway, for 500 servers: the haproxy
 * preset's five instant queries asked at one instant, their answers parsed and validated, the
 * servers listed (the source compares the list on every read) and the frame made from the
 * poll before. Measured as this process's CPU time (user + system) and wall time per poll,
 * median and p95 over 50 polls after 5 warm-up polls. Peer, same run, same 500 servers: the
 * `haproxy:` source reading the stats CSV (readStats, statsServers, statsFrame). The two
 * are polled in turn, 100 ms apart, so the machine's noise falls on both. Both are served by
 * test/bench/lib/fake-fleet.ts in a child process, so serving them is not counted here.
 * Goal: at most 200 ms of CPU per poll (the median).
 *
 *   npx tsx test/bench/prometheus-poll.ts [out.json]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { statsFrame, statsServers, type StatsSnapshot } from '../../src/core/sources/haproxy-stats';
import {
  emptyQueries,
  pollFrame,
  pollReading,
  pollServers,
  type PollAnswers,
  type PollReading,
} from '../../src/core/sources/prometheus/poll-frame';
import { HAPROXY_PRESET, presetQueries } from '../../src/core/sources/prometheus/presets';
import { readStats } from '../../src/gateway/sources/haproxy-source';
import { queryInstant } from '../../src/gateway/sources/prometheus-source';
import { ROOT } from '../e2e/harness';
import { goal, goalTable, kib, ms, ratio, table, writeResult } from './lib/report';
import { median, percentile } from './lib/stats';

const SERVERS = 500;
const WARMUP = 5;
const POLLS = 50;
const PAUSE_MS = 100;
const TIMEOUT_MS = 5000;
const GOAL_CPU_MS = 200;

interface Cost {
  cpuMs: number;
  wallMs: number;
}

/** CPU (this process, user + system) and wall time of one call. */
async function measure(poll: () => Promise<void>): Promise<Cost> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await poll();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

const fleet = spawn(
  process.execPath,
  ['--import', 'tsx', join(ROOT, 'test', 'bench', 'lib', 'fake-fleet.ts'), String(SERVERS)],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
);
const prom: Cost[] = [];
const csv: Cost[] = [];
let promBytes = 0;
let csvBytes: number;
try {
  const lines = createInterface({ input: fleet.stdout! });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(fleet, 'exit').then(() => {
      throw new Error('the fake fleet exited before listening');
    }),
  ])) as [string];
  const port = /^listening (\d+)$/.exec(first)?.[1];
  if (!port) throw new Error(`the fake fleet said ${JSON.stringify(first)}`);
  const base = `http://127.0.0.1:${port}`;
  const csvUrl = `${base}/stats;csv`;
  const queries = presetQueries(HAPROXY_PRESET);

  // what prometheusSource's read and pollingSource's poll do, without the timer between
  let lastPoll: PollReading | undefined;
  let announcedPoll = '';
  const pollPrometheus = async () => {
    const t = Date.now();
    const answers: PollAnswers = Object.fromEntries(
      await Promise.all(
        queries.map(async ([name, q]) => [name, await queryInstant(base, q, t, TIMEOUT_MS)]),
      ),
    );
    if (emptyQueries(HAPROXY_PRESET, answers).length > 0) throw new Error('an empty query');
    const now = pollReading(HAPROXY_PRESET, t, answers);
    const key = JSON.stringify(pollServers(now));
    if (key !== announcedPoll) announcedPoll = key;
    if (lastPoll && now.t > lastPoll.t) {
      const frame = pollFrame(lastPoll, now);
      if (frame.samples.length !== SERVERS) throw new Error(`${frame.samples.length} samples`);
    }
    lastPoll = now;
  };
  // and what haproxySource's does
  let lastStats: StatsSnapshot | undefined;
  let announcedStats = '';
  const pollStats = async () => {
    const now = await readStats(csvUrl, TIMEOUT_MS);
    const key = JSON.stringify(statsServers(now.rows));
    if (key !== announcedStats) announcedStats = key;
    if (lastStats && now.t > lastStats.t) {
      const frame = statsFrame(lastStats, now);
      if (frame.samples.length !== SERVERS) throw new Error(`${frame.samples.length} samples`);
    }
    lastStats = now;
  };

  for (let round = 0; round < WARMUP + POLLS; round++) {
    // each goes first in every other round
    const order = round % 2 === 0 ? ['prom', 'csv'] : ['csv', 'prom'];
    for (const which of order) {
      const cost = await measure(which === 'prom' ? pollPrometheus : pollStats);
      if (round >= WARMUP) (which === 'prom' ? prom : csv).push(cost);
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  }
  // what a poll reads, for the table
  for (const [, q] of queries) {
    const url = `${base}/api/v1/query?query=${encodeURIComponent(q)}&time=${Date.now() / 1000}`;
    promBytes += (await (await fetch(url)).arrayBuffer()).byteLength;
  }
  csvBytes = (await (await fetch(csvUrl)).arrayBuffer()).byteLength;
} finally {
  if (fleet.exitCode === null && fleet.signalCode === null) {
    fleet.kill('SIGTERM');
    await once(fleet, 'exit');
  }
}

const cpu = (xs: Cost[]) => xs.map((c) => c.cpuMs);
const wall = (xs: Cost[]) => xs.map((c) => c.wallMs);
const figure = (xs: number[]) => `${ms(median(xs))} (p95 ${ms(percentile(xs, 95))})`;
const promCpu = median(cpu(prom));
const csvCpu = median(cpu(csv));
const rows = [
  [
    'what, 500 servers, per poll',
    'prometheus: (5 queries)',
    'haproxy: stats CSV, same run',
    'ratio',
  ],
  ['gateway CPU, median', figure(cpu(prom)), figure(cpu(csv)), ratio(promCpu / csvCpu)],
  [
    'wall time, median',
    figure(wall(prom)),
    figure(wall(csv)),
    ratio(median(wall(prom)) / median(wall(csv))),
  ],
  ['bytes read', kib(promBytes), kib(csvBytes), ratio(promBytes / csvBytes)],
];
console.log(`${POLLS} polls of each after ${WARMUP} warm-up polls, ${PAUSE_MS} ms apart`);
console.log(table(rows));
const goals = [
  goal(
    'prometheus: poll, 500 servers, gateway CPU',
    `<= ${GOAL_CPU_MS} ms`,
    ms(promCpu),
    promCpu <= GOAL_CPU_MS,
  ),
];
console.log(goalTable(goals));
writeResult({
  benchmark: 'prometheus-poll',
  figures: {
    servers: SERVERS,
    polls: POLLS,
    prometheus: {
      cpuMs: { p50: promCpu, p95: percentile(cpu(prom), 95) },
      wallMs: { p50: median(wall(prom)), p95: percentile(wall(prom), 95) },
      bytes: promBytes,
    },
    haproxyCsv: {
      cpuMs: { p50: csvCpu, p95: percentile(cpu(csv), 95) },
      wallMs: { p50: median(wall(csv)), p95: percentile(wall(csv), 95) },
      bytes: csvBytes,
    },
    cpuRatio: promCpu / csvCpu,
  },
  goals,
});
