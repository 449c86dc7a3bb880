/**
 * Week-soak benchmark: weeks on a wall, time-compressed. A churning fleet of 500 servers (10%
 * replaced per simulated hour, one at a time, ids never reused; a change note every hour, an
 * alert firing every six, resolved half an hour later, so the first hour has had every kind
 * of event the week has) plays a simulated week to the built app in Chromium,
 * frames fast-forwarded as fast as the page takes them. The JS heap after a full collection
 * and the DOM node count are taken once the first simulated hour has played (by then the page
 * holds a full window: 720 frames of 5 s) and at the end of every simulated day; the goal is
 * the end within 10% of the first hour. The peer is the page itself after that first hour.
 *
 *   npx tsx test/bench/week-soak.ts [--days 7] [--snapshots DIR] [out.json]
 */
import type { CDPSession, Page } from 'playwright-core';
import { SERIES_CAPACITY } from '../../src/state/series-slice';
import { launchBrowser } from '../e2e/harness';
import { buildApp } from './lib/app-build';
import { startChurningGateway } from './lib/churning-gateway';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdpOf, compiledCodeBytes, heapAfterGc, heapSnapshot } from './lib/page-probe';
import { goal, goalTable, mib, table, writeResult } from './lib/report';
import { resources } from './lib/resources';
import { serveStatic } from './lib/static-server';

const argv = process.argv.slice(2);
const flag = argv.indexOf('--days');
const DAYS = flag >= 0 ? Number(argv[flag + 1]) : 7;
// where to keep the heap snapshot of each sample, to compare in DevTools (a leak's hunt)
const snapshotsFlag = argv.indexOf('--snapshots');
const SNAPSHOTS = snapshotsFlag >= 0 ? argv[snapshotsFlag + 1] : undefined;
const SERVERS = 500;
const HOUR = 3600_000;
// 5 s frames: the page's 720-frame window is one simulated hour, so after the first hour the
// page holds all it ever will; longer frames would leave it still filling then
const INTERVAL_MS = 5000;
const FRAMES_PER_HOUR = HOUR / INTERVAL_MS;
const TOTAL_FRAMES = Math.round(DAYS * 24 * FRAMES_PER_HOUR);
/** 10% of the fleet per simulated hour */
const REPLACED_PER_HOUR = SERVERS * 0.1;
/** servers replaced by the end of frame i, spread evenly over each hour */
const replacedBy = (i: number) => Math.floor((i * REPLACED_PER_HOUR) / FRAMES_PER_HOUR);
/** frames the gateway may be ahead of what the page shows: an hour, so the page takes big batches */
const LEAD_FRAMES = 720;
const START_T = Date.UTC(2024, 4, 13, 0, 0);
/** a page that takes no frame for this long is stuck, not slow: said, not waited out */
const STALL_MS = 120_000;

if (SERIES_CAPACITY * INTERVAL_MS > HOUR) {
  throw new Error('the page window is longer than an hour: the first-hour figures would be early');
}

const held = resources('week-soak', 90 * 60_000);
const app = held.hold(await buildApp({ minify: true }), (a) => a.remove());
const site = held.hold(await serveStatic(app.dir), (s) => s.close());
const gateway = held.hold(
  await startChurningGateway({
    servers: SERVERS,
    intervalMs: INTERVAL_MS,
    startT: START_T,
    origin: new URL(site.url).origin,
  }),
  (g) => g.close(),
);
const browser = held.hold(await launchBrowser(), (b) => b.close());

const shownSeq = (page: Page) =>
  page.evaluate(() =>
    Number(document.querySelector('[data-testid=feed]')?.getAttribute('data-newest-seq') ?? -1),
  );

interface Sample {
  hour: number;
  heap: number;
  /** of the heap, V8's compiled code */
  code: number;
  /** Chromium's count of DOM nodes alive (after the collection) */
  nodes: number;
  /** elements in the document */
  elements: number;
  rows: number;
  notes: number;
}

async function sample(page: Page, cdp: CDPSession, hour: number): Promise<Sample> {
  // the page takes every frame sent before it is measured
  while ((await shownSeq(page)) < gateway.seq) await page.waitForTimeout(100);
  await page.waitForTimeout(1500);
  // the median of three, a second apart: what a collection leaves depends a little on what the
  // page was doing just then (a render's leftovers), which one reading would take as growth
  const readings: number[] = [];
  for (let k = 0; k < 3; k++) {
    if (k > 0) await page.waitForTimeout(1000);
    readings.push(await heapAfterGc(cdp));
  }
  const heap = readings.sort((a, b) => a - b)[1]!;
  const snapshot = await heapSnapshot(cdp);
  const code = compiledCodeBytes(snapshot);
  if (SNAPSHOTS) writeFileSync(join(SNAPSHOTS, `hour-${hour}.heapsnapshot`), snapshot);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
  const dom = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    rows: Number(document.querySelector('[data-testid=heatmap]')?.getAttribute('data-rows')),
    notes: Number(document.querySelector('[data-testid=timeline]')?.getAttribute('data-count')),
  }));
  const s = { hour, heap, code, nodes, ...dom };
  console.log(
    `hour ${String(hour).padStart(3)}: heap ${mib(heap)} (code ${mib(code)}), ${nodes} nodes, ${dom.elements} elements, ${dom.rows} rows, ${dom.notes} notes`,
  );
  return s;
}

const samples: Sample[] = [];
const replaced = replacedBy(TOTAL_FRAMES);
const startedAt = Date.now();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (err) => console.error(`page: ${err.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`page console: ${m.text()}`));
  await page.goto(`${site.url}?kiosk&gateway=${encodeURIComponent(gateway.url)}`);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'live',
    undefined,
    { timeout: 60_000 },
  );
  const cdp = await cdpOf(page);
  let shown = -1;
  let firing: { id: string; since: number } | undefined;
  for (let i = 0; i < TOTAL_FRAMES; i++) {
    const waitFrom = Date.now();
    while (i - shown > LEAD_FRAMES) {
      await page.waitForTimeout(50);
      shown = await shownSeq(page);
      if (Date.now() - waitFrom > STALL_MS) {
        const state = await page.evaluate(() =>
          document.querySelector('[data-testid=connection]')?.getAttribute('data-state'),
        );
        throw new Error(
          `the page took no frame for ${STALL_MS / 1000} s at frame ${i} (shows seq ${shown}, connection ${state})`,
        );
      }
    }
    for (let k = replacedBy(i); k < replacedBy(i + 1); k++) gateway.replaceOne();
    gateway.frame();
    if (i % FRAMES_PER_HOUR === 0) gateway.note(`deploy ${i / FRAMES_PER_HOUR}`);
    if (i % (6 * FRAMES_PER_HOUR) === 0) {
      firing = { id: `slow:${i}`, since: gateway.t };
      gateway.alert('firing', firing.id, firing.since);
    } else if (firing && i % (6 * FRAMES_PER_HOUR) === FRAMES_PER_HOUR / 2) {
      gateway.alert('resolved', firing.id, firing.since);
      firing = undefined;
    }
    const hour = (i + 1) / FRAMES_PER_HOUR;
    if (hour === 1 || hour === 6 || (hour % 24 === 0 && i + 1 < TOTAL_FRAMES)) {
      samples.push(await sample(page, cdp, hour));
    }
    // a macrotask now and then, so the socket writes
    if (i % 20 === 0) await new Promise((r) => setImmediate(r));
  }
  samples.push(await sample(page, cdp, TOTAL_FRAMES / FRAMES_PER_HOUR));
} finally {
  await held.close();
}

const realS = (Date.now() - startedAt) / 1000;
const first = samples[0]!;
const last = samples.at(-1)!;
const change = (a: number, b: number) => b / a - 1;
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
console.log(
  `${TOTAL_FRAMES} frames of ${SERVERS} servers (${DAYS} simulated days, ${replaced} servers replaced) in ${realS.toFixed(0)} s`,
);
const rows = [
  ['simulated hour', 'JS heap after GC', 'of it compiled code', 'heap less code', 'DOM nodes'],
];
rows[0]!.push('elements', 'rows', 'notes');
for (const s of samples) {
  rows.push([
    String(s.hour),
    mib(s.heap),
    mib(s.code),
    mib(s.heap - s.code),
    String(s.nodes),
    String(s.elements),
    String(s.rows),
    String(s.notes),
  ]);
}
console.log(table(rows));
const heapChange = change(first.heap, last.heap);
const dataChange = change(first.heap - first.code, last.heap - last.code);
const nodeChange = change(first.nodes, last.nodes);
// the goal is on what the page holds: V8's compiled code grows for hours as more of the page's
// functions get hot (bounded by its source), which the whole heap's figure shows beside it
const goals = [
  goal(
    `JS heap after GC less compiled code, hour ${last.hour} vs hour 1`,
    'within 10%',
    `${mib(last.heap - last.code)} vs ${mib(first.heap - first.code)} (${pct(dataChange)})`,
    Math.abs(dataChange) <= 0.1,
  ),
  goal(
    `DOM nodes, hour ${last.hour} vs hour 1`,
    'within 10%',
    `${last.nodes} vs ${first.nodes} (${pct(nodeChange)})`,
    Math.abs(nodeChange) <= 0.1,
  ),
];
console.log(
  `JS heap after GC with compiled code, hour ${last.hour} vs hour 1: ${mib(last.heap)} vs ${mib(first.heap)} (${pct(heapChange)})`,
);
console.log(goalTable(goals));
writeResult({
  benchmark: 'week-soak',
  figures: { servers: SERVERS, intervalMs: INTERVAL_MS, days: DAYS, replaced, realS, samples },
  goals,
});
