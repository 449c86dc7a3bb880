/**
 * Replay benchmark, in Chromium: a two-hour recording of 50 servers at one frame a second
 * (7,200 frames, 360,000 samples), plain and gzipped, opened by the app as openRecording does
 * (loadRecordingUrl, then startReplay), then seeks to random moments with the heatmap's repaint.
 * The peer is JSON.parse of every line of the same text.
 *
 *   npx tsx test/bench/replay.ts [out.json]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../../mocks/random';
import type { LoadTimes, SeekTimes } from './browser/replay-page';
import { benchPages } from './lib/bench-page';
import { FRAMES, SERVERS, twoHourRecording } from './lib/two-hour-recording';
import { resources } from './lib/resources';
import { hotTable, profileWhile, type HotFunction } from './lib/cpu-profile';
import { goal, goalTable, mib, ms, ratio, table, writeResult } from './lib/report';
import { median, percentile } from './lib/stats';

const LOAD_RUNS = 3;
/** loads in a tab of their own, as a newcomer's first: nothing of the loader warmed up */
const FRESH_RUNS = 3;
const SEEKS = 30;

const made = performance.now();
const text = twoHourRecording();
const gz = gzipSync(text);
const held = resources('replay', 5 * 60_000);
const dir = held.hold(await mkdtemp(join(tmpdir(), 'skewboard-bench-replay-')), (d) =>
  rm(d, { recursive: true, force: true }),
);
const plainPath = join(dir, 'two-hours.ndjson');
const gzPath = join(dir, 'two-hours.ndjson.gz');
await writeFile(plainPath, text);
await writeFile(gzPath, gz);
console.log(
  `recording: ${FRAMES} frames of ${SERVERS} servers, ${mib(text.length)} plain, ${mib(gz.length)} gzipped ` +
    `(made in ${((performance.now() - made) / 1000).toFixed(1)} s)`,
);

const pages = held.hold(
  await benchPages(['replay'], {
    '/two-hours.ndjson': plainPath,
    '/two-hours.ndjson.gz': gzPath,
  }),
  (p) => p.close(),
);
const urls = { plain: '/two-hours.ndjson', gzip: '/two-hours.ndjson.gz' } as const;
let loads: Record<keyof typeof urls, LoadTimes[]>;
let fresh: Record<keyof typeof urls, LoadTimes[]>;
let floors: Record<keyof typeof urls, Awaited<ReturnType<Window['replayBench']['floor']>>[]>;
let seeks: SeekTimes[];
let detectorMs: number;
let hotLoad: HotFunction[];
let hotSeek: HotFunction[];
try {
  const page = await pages.open('replay', 'window.replayBench !== undefined');
  const cdp = await page.context().newCDPSession(page);
  const load = (url: string) => page.evaluate((u) => window.replayBench.load(u), url);
  const floor = (url: string) => page.evaluate((u) => window.replayBench.floor(u), url);
  loads = { plain: [], gzip: [] };
  floors = { plain: [], gzip: [] };
  // the warm-up load, profiled: where a load's time goes
  hotLoad = await profileWhile(cdp, () => load(urls.gzip), 8);
  for (const kind of ['plain', 'gzip'] as const) {
    for (let i = 0; i < LOAD_RUNS; i++) loads[kind].push(await load(urls[kind]));
    await floor(urls[kind]);
    for (let i = 0; i < LOAD_RUNS; i++) floors[kind].push(await floor(urls[kind]));
  }
  fresh = { plain: [], gzip: [] };
  for (let i = 0; i < FRESH_RUNS; i++) {
    for (const kind of ['gzip', 'plain'] as const) {
      const tab = await pages.open('replay', 'window.replayBench !== undefined');
      // a moment after the page opens, as a person would click
      await tab.waitForTimeout(500);
      fresh[kind].push(await tab.evaluate((u) => window.replayBench.load(u), urls[kind]));
      await tab.close();
    }
  }
  detectorMs = await page.evaluate((u) => window.replayBench.detector(u), urls.gzip);
  const { startT, endT } = await page.evaluate(() => window.replayBench.span());
  const random = mulberry32(7);
  const moments = Array.from({ length: SEEKS + 3 }, () => startT + random() * (endT - startT));
  seeks = (await page.evaluate((m) => window.replayBench.seek(m), moments)).slice(3);
  hotSeek = await profileWhile(
    cdp,
    () => page.evaluate((m) => window.replayBench.seek(m), moments.slice(0, 10)),
    8,
  );
} finally {
  await held.close();
}

const med = <T>(xs: T[], k: keyof T) => median(xs.map((x) => x[k] as number));
const loadFigures = (k: keyof typeof urls) => ({
  load: med(loads[k], 'load'),
  start: med(loads[k], 'start'),
  loadAndStart: median(loads[k].map((l) => l.load + l.start)),
  total: med(loads[k], 'total'),
  freshTotal: med(fresh[k], 'total'),
  freshWorst: Math.max(...fresh[k].map((l) => l.total)),
  settled: med(loads[k], 'settled'),
  alertsReady: med(loads[k], 'alertsReady'),
  fetch: med(floors[k], 'fetch'),
  gunzip: med(floors[k], 'gunzip'),
  decode: med(floors[k], 'decode'),
  jsonParse: med(floors[k], 'jsonParse'),
  parseRecording: med(floors[k], 'parseRecording'),
});
const fig = {
  frames: FRAMES,
  servers: SERVERS,
  bytes: { plain: text.length, gzip: gz.length },
  load: { plain: loadFigures('plain'), gzip: loadFigures('gzip') },
  seek: {
    sync: {
      p50: med(seeks, 'sync'),
      p95: percentile(
        seeks.map((s) => s.sync),
        95,
      ),
    },
    rendered: {
      p50: med(seeks, 'rendered'),
      p95: percentile(
        seeks.map((s) => s.rendered),
        95,
      ),
    },
    frame: {
      p50: med(seeks, 'frame'),
      p95: percentile(
        seeks.map((s) => s.frame),
        95,
      ),
    },
    settled: {
      p50: med(seeks, 'settled'),
      p95: percentile(
        seeks.map((s) => s.settled),
        95,
      ),
    },
  },
  detectorMs,
  hotLoad,
  hotSeek,
};

const rows = [
  [
    'file',
    'loadRecordingUrl',
    'startReplay',
    'load + start',
    'on screen',
    'first load in a fresh tab (worst)',
    'bars drawn too',
    'alerts on screen',
    'JSON.parse of lines (peer)',
    'vs peer',
  ],
];
for (const k of ['plain', 'gzip'] as const) {
  const f = fig.load[k];
  rows.push([
    `${k} (${mib(fig.bytes[k])})`,
    ms(f.load),
    ms(f.start),
    ms(f.loadAndStart),
    ms(f.total),
    `${ms(f.freshTotal)} (${ms(f.freshWorst)})`,
    ms(f.settled),
    ms(f.alertsReady),
    ms(f.jsonParse),
    ratio(f.loadAndStart / f.jsonParse),
  ]);
}
console.log(table(rows));
const g = fig.load.gzip;
console.log(
  `each step alone, one after another (gzip): fetch ${ms(g.fetch)}, gunzip ${ms(g.gunzip)}, decode ${ms(g.decode)}, ` +
    `parseRecording (parse + validate) ${ms(g.parseRecording)}, detector over all frames ${ms(detectorMs)}; ` +
    `in a load, the page reads and gunzips the bytes as they come and its worker reads each frame line from the bytes straight into the store, so these overlap and parseRecording (the text reader) runs only for the other lines`,
);
console.log('CPU profile of the warm-up load (gzip), top self time:');
console.log(hotTable(hotLoad));
console.log(
  table([
    [`seek to ${SEEKS} random moments`, 'p50', 'p95'],
    ['controller.seek + heatmap repaint', ms(fig.seek.sync.p50), ms(fig.seek.sync.p95)],
    ['  + React render (next task)', ms(fig.seek.rendered.p50), ms(fig.seek.rendered.p95)],
    ['  + next frame begins (it paints the seek)', ms(fig.seek.frame.p50), ms(fig.seek.frame.p95)],
    ['  + share bars re-rendered (page idle)', ms(fig.seek.settled.p50), ms(fig.seek.settled.p95)],
  ]),
);
console.log('CPU profile of 10 seeks (with everything they trigger), top self time:');
console.log(hotTable(hotSeek));
const total = (k: 'plain' | 'gzip') => fig.load[k].total;
const freshTotal = (k: 'plain' | 'gzip') => fig.load[k].freshTotal;
const alerts = (k: 'plain' | 'gzip') => fig.load[k].alertsReady;
const goals = [
  goal('load to frames on screen, plain', '< 1 s', ms(total('plain')), total('plain') < 1000),
  goal('load to frames on screen, gzip', '< 1 s', ms(total('gzip')), total('gzip') < 1000),
  goal(
    'first load in a fresh tab, plain (median)',
    '< 1 s',
    ms(freshTotal('plain')),
    freshTotal('plain') < 1000,
  ),
  goal(
    'first load in a fresh tab, gzip (median)',
    '< 1 s',
    ms(freshTotal('gzip')),
    freshTotal('gzip') < 1000,
  ),
  goal('load to alerts on screen, gzip', '< 1 s', ms(alerts('gzip')), alerts('gzip') < 1000),
  goal(
    'seek: heatmap redrawn (median)',
    '< 16 ms',
    `${ms(fig.seek.sync.p50)} (p95 ${ms(fig.seek.sync.p95)})`,
    fig.seek.sync.p50 < 16,
  ),
  // a seek made just after a frame shows in the next one: under two frame intervals
  goal(
    'seek: on screen in the next frame (p95)',
    '< 33 ms',
    `${ms(fig.seek.frame.p95)} (median ${ms(fig.seek.frame.p50)})`,
    fig.seek.frame.p95 < 33.4,
  ),
];
console.log(goalTable(goals));
writeResult({ benchmark: 'replay', figures: fig, goals });
