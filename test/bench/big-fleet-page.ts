/**
 * Big-fleet page benchmark: the real gateway plays 2,000 servers in three pools at one frame
 * a second (sim:fleet-2000, speed 1) to the built app in Chromium at 1600x1000, where they
 * fold into a band per pool below the servers that alert. Once the alerts are on the page,
 * over a window: animation-frame intervals, long tasks and the JS heap; the peer is the same
 * page, same data, with the gateway frozen (SIGSTOP: the socket stays open, no frames come),
 * measured right after.
 *
 *   npx tsx test/bench/big-fleet-page.ts [--window-s 30] [out.json]
 */
import type { Page } from 'playwright-core';
import { launchBrowser, startGateway } from '../e2e/harness';
import { buildApp } from './lib/app-build';
import { hotTable, profileWhile } from './lib/cpu-profile';
import { drained, frameCounter } from './lib/frame-drain';
import { cdpOf, heapAfterGc, watchWindow, type WindowFigures } from './lib/page-probe';
import { goal, goalTable, mib, ms, table, writeResult } from './lib/report';
import { resources } from './lib/resources';
import { serveStatic } from './lib/static-server';
import { percentile } from './lib/stats';

const argv = process.argv.slice(2);
const flag = argv.indexOf('--window-s');
const WINDOW_MS = (flag >= 0 ? Number(argv[flag + 1]) : 30) * 1000;
const SERVERS = 2000;
const INTERVAL_MS = 1000;
/** web-0007, web-0011 (pinned traffic) and api-0005 (slow): they fire ~50 s of frames in */
const ALERTING = 3;
const ALERT_LIMIT_MS = 180_000;
// after the alerts: the detector's 20 s window lies wholly after the faults, the rows settle
const SETTLE_MS = 10_000;
const DRAIN_LIMIT_MS = 90_000;
const PROFILE_MS = 8000;

const held = resources('big-fleet-page', 8 * 60_000);
const app = held.hold(await buildApp({ minify: false }), (a) => a.remove());
const site = held.hold(await serveStatic(app.dir), (s) => s.close());
const gateway = held.hold(
  await startGateway([
    '--source',
    'sim:fleet-2000',
    '--speed',
    '1',
    '--allow-origin',
    new URL(site.url).origin,
  ]),
  (g) => g.stop(),
);
const browser = held.hold(await launchBrowser(), (b) => b.close());

const socketFrames = frameCounter();

async function measure(page: Page, label: string) {
  const cdp = await cdpOf(page);
  const heapBefore = await heapAfterGc(cdp);
  const frames0 = socketFrames.count();
  const w = await watchWindow(page, cdp, WINDOW_MS);
  const frames = socketFrames.count() - frames0;
  const heapAfter = await heapAfterGc(cdp);
  console.log(`${label}: ${frames} frames received in ${(w.spanMs / 1000).toFixed(1)} s`);
  return { w, frames, heapBefore, heapAfter, cdp };
}

/** What the heatmap shows: server rows, bands and the servers they stand for. */
const heatmapRows = (page: Page) =>
  page.evaluate(() => {
    const h = document.querySelector('[data-testid=heatmap]');
    return {
      servers: Number(h?.getAttribute('data-servers')),
      rows: Number(h?.getAttribute('data-rows')),
      bands: Number(h?.getAttribute('data-bands')),
    };
  });

let result;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (err) => console.error(`page: ${err.message}`));
  socketFrames.watch(page);
  await page.goto(`${site.url}?gateway=${encodeURIComponent(gateway.url)}`);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=heatmap-row][data-alerting=true]').length === n,
    ALERTING,
    { timeout: ALERT_LIMIT_MS },
  );
  await page.waitForTimeout(SETTLE_MS);
  const shown = await heatmapRows(page);
  console.log(
    `heatmap: ${shown.servers} servers as ${shown.rows} server rows and ${shown.bands} bands`,
  );
  const live = await measure(page, 'live');
  const hot = await profileWhile(live.cdp, () => page.waitForTimeout(PROFILE_MS), 15);
  gateway.freeze();
  const drainMs = (await drained(page, socketFrames, DRAIN_LIMIT_MS)).ms;
  const idle = await measure(page, 'idle (gateway frozen)');
  gateway.thaw();
  result = { live, idle, shown, drainMs, hot };
} finally {
  await held.close();
}

const { live, idle, shown, drainMs, hot } = result;
const sum = (w: WindowFigures) => ({
  p50: percentile(w.frameIntervals, 50),
  p95: percentile(w.frameIntervals, 95),
  p99: percentile(w.frameIntervals, 99),
  max: Math.max(...w.frameIntervals),
  longTaskShare: w.longTaskMs / w.spanMs,
  longTasks: w.longTasks,
  busyShare: w.taskMs / w.spanMs,
});
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fig = {
  servers: SERVERS,
  windowMs: WINDOW_MS,
  heatmap: shown,
  live: {
    ...sum(live.w),
    frames: live.frames,
    heapBefore: live.heapBefore,
    heapAfter: live.heapAfter,
  },
  idle: {
    ...sum(idle.w),
    frames: idle.frames,
    heapBefore: idle.heapBefore,
    heapAfter: idle.heapAfter,
  },
  drainMs,
  hot,
};
const sent = Math.round(live.w.spanMs / INTERVAL_MS);
const rows = [
  [
    'page',
    'frames in / sent',
    'rAF p50',
    'rAF p95',
    'rAF p99',
    'rAF max',
    'long tasks',
    'main busy',
    'JS heap before -> after GC',
  ],
];
for (const [name, f, out] of [
  [`live, ${SERVERS} servers at 1/s`, fig.live, `~${sent}`],
  ['idle (same page, gateway frozen)', fig.idle, '0'],
] as const) {
  rows.push([
    name,
    `${f.frames} / ${out}`,
    ms(f.p50),
    ms(f.p95),
    ms(f.p99),
    ms(f.max),
    `${pct(f.longTaskShare)} (${f.longTasks})`,
    pct(f.busyShare),
    `${mib(f.heapBefore)} -> ${mib(f.heapAfter)}`,
  ]);
}
console.log(table(rows));
const ratio = fig.live.p95 / fig.idle.p95;
console.log(`rAF p95 live / idle: ${ratio.toFixed(3)}`);
const goals = [
  goal(
    'rAF p95 live vs idle',
    '<= idle + 10%',
    `${ms(fig.live.p95)} vs ${ms(fig.idle.p95)} (${ratio >= 1 ? '+' : ''}${pct(ratio - 1)})`,
    ratio <= 1.1,
  ),
  goal(
    'rows on the heatmap',
    'folded (< 100)',
    `${shown.rows + shown.bands} for ${shown.servers} servers`,
    shown.rows + shown.bands < 100,
  ),
];
console.log(`live page CPU profile, ${PROFILE_MS / 1000} s, top self time (app built unminified):`);
console.log(hotTable(hot));
console.log(goalTable(goals));
writeResult({ benchmark: 'big-fleet-page', figures: fig, goals });
