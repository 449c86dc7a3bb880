/**
 * Ingest benchmark: frames of 500 samples as JSON text, validated by the protocol's
 * `frame.check` and pushed into a SeriesStore, in frames a second, in Node (the gateway and
 * CLI) and in Chromium (the page); the peer is JSON.parse alone, the floor of any ingest.
 *
 *   npx tsx test/bench/ingest.ts [out.json]
 */
import { bigFleet } from '../../mocks/scenarios/big-fleet';
import { createSimulator } from '../../mocks/simulator';
import { benchPages } from './lib/bench-page';
import { resources } from './lib/resources';
import { ingestRuns, type IngestRun } from './lib/ingest-loop';
import { ratio, table, writeResult } from './lib/report';
import { median } from './lib/stats';

const FRAMES = 200;
const RUNS = 9;
const WARMUP = 3;
/** the live page's rate: 500 servers at 10 frames a second */
const LIVE_FPS = 10;

const sim = createSimulator(bigFleet);
const servers = sim.hello().servers;
const texts = Array.from({ length: FRAMES }, (_, seq) => {
  const { t, intervalMs, samples } = sim.next();
  return JSON.stringify({ v: 1, seq, t, intervalMs, samples });
});
const kib = Math.round(texts.reduce((n, t) => n + t.length, 0) / FRAMES / 1024);

const node = ingestRuns(texts, servers, RUNS, WARMUP);
const held = resources('ingest', 3 * 60_000);
const pages = held.hold(await benchPages(['ingest']), (p) => p.close());
let browser: IngestRun[];
try {
  const page = await pages.open('ingest', 'window.ingestBench !== undefined');
  browser = await page.evaluate(
    ({ texts, servers, runs, warmup }) => window.ingestBench.run(texts, servers, runs, warmup),
    { texts, servers, runs: RUNS, warmup: WARMUP },
  );
} finally {
  await held.close();
}

const summary = (runs: IngestRun[]) => {
  const m = (k: keyof IngestRun) => median(runs.map((r) => r[k]));
  return {
    ingestFps: m('ingest'),
    parseOnlyFps: m('parseOnly'),
    parseUs: m('parseUs'),
    checkUs: m('checkUs'),
    pushUs: m('pushUs'),
  };
};
const fig = {
  samplesPerFrame: servers.length,
  frameKiB: kib,
  node: summary(node),
  chromium: summary(browser),
};
const fps = (x: number) => `${Math.round(x).toLocaleString('en')} frames/s`;
const us = (x: number) => `${Math.round(x)} us`;
const rows = [
  [
    'where',
    'parse+check+push',
    'JSON.parse only',
    'time vs parse',
    'parse',
    'check',
    'push',
    `time at ${LIVE_FPS}/s`,
  ],
];
for (const [where, f] of [
  ['Node', fig.node],
  ['Chromium', fig.chromium],
] as const) {
  rows.push([
    where,
    fps(f.ingestFps),
    fps(f.parseOnlyFps),
    ratio(f.parseOnlyFps / f.ingestFps),
    us(f.parseUs),
    us(f.checkUs),
    us(f.pushUs),
    `${((LIVE_FPS / f.ingestFps) * 100).toFixed(1)}% of a core`,
  ]);
}
console.log(
  `frames of ${servers.length} samples (${kib} KiB of JSON each), median of ${RUNS} runs of ${FRAMES} frames`,
);
console.log(table(rows));
console.log('(no goal set for ingest: figures and the ratio to the JSON.parse floor only)');
writeResult({ benchmark: 'ingest', figures: fig, goals: [] });
