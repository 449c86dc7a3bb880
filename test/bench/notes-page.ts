/**
 * Notes-page benchmark: a live page of a gateway that holds 5,000 notes (what a flood of
 * `annotate` events left behind), against the same page of a gateway with none, in the same
 * run. Both gateways play sim:lb-misconfig at speed 60; the notes sit in and just ahead of the
 * heatmap's two hours, so the markers and the timeline have all of them to deal with. The pages
 * are measured in turn (one open at a time), alternating, and the intervals pooled.
 *
 *   npx tsx test/bench/notes-page.ts [--window-s 10] [--rounds 2] [out.json]
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { lbMisconfig } from '../../mocks/scenarios/lb-misconfig';
import { launchBrowser, startGateway, tempDir, type RunningGateway } from '../e2e/harness';
import { buildApp } from './lib/app-build';
import { hotTable, profileWhile, type HotFunction } from './lib/cpu-profile';
import { cdpOf, watchWindow } from './lib/page-probe';
import { goal, goalTable, ms, table, writeResult } from './lib/report';
import { resources } from './lib/resources';
import { serveStatic } from './lib/static-server';
import { percentile } from './lib/stats';

const argv = process.argv.slice(2);
const numberFlag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const WINDOW_MS = numberFlag('--window-s', 10) * 1000;
const ROUNDS = numberFlag('--rounds', 2);
const NOTES = 5000;
const HOUR = 3600_000;
/** after the page is live (and has its notes): let the first renders and the JIT settle */
const WARMUP_MS = 3000;
const PROFILE_MS = 4000;
const LOAD_LIMIT_MS = 120_000;

/** 4/5 of the notes over the two hours before the sim starts, the rest over the two after */
function notesFile(): string {
  const start = lbMisconfig.startT;
  const lines: string[] = [];
  for (let i = 0; i < NOTES; i++) {
    const inView = i < NOTES * 0.8;
    const t = inView
      ? start - 2 * HOUR + Math.round((i / (NOTES * 0.8)) * 2 * HOUR)
      : start + Math.round(((i - NOTES * 0.8) / (NOTES * 0.2)) * 2 * HOUR);
    const note = { v: 1, id: `note:bench-${i}`, t, title: `bench note ${i}`, kind: 'note' };
    lines.push(JSON.stringify({ type: 'annotation', ...note }));
  }
  return lines.join('\n') + '\n';
}

const held = resources('notes-page', 10 * 60_000);
const app = held.hold(await buildApp({ minify: false }), (a) => a.remove());
const data = held.hold(await tempDir(), (d) => d.remove());
await writeFile(join(data.path, 'annotations.ndjson'), notesFile());
const site = held.hold(await serveStatic(app.dir), (s) => s.close());
// the page is served from another port: each gateway lets that origin in, as a team would
const allowSite = ['--allow-origin', new URL(site.url).origin];
const quiet = held.hold(await startGateway(['--speed', '60', ...allowSite]), (g) => g.stop());
const noted = held.hold(
  await startGateway(['--speed', '60', '--data', data.path, ...allowSite]),
  (g) => g.stop(),
);
const browser = held.hold(await launchBrowser(), (b) => b.close());

/** Opens a live page of `gateway` and waits for it to show `notes` notes; ms to get there. */
async function open(gateway: RunningGateway, notes: number): Promise<{ page: Page; ms: number }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (err) => console.error(`page: ${err.message}`));
  const start = Date.now();
  await page.goto(`${site.url}?gateway=${encodeURIComponent(gateway.url)}`);
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid=connection]')?.getAttribute('data-state') === 'live' &&
      Number(document.querySelector('[data-testid=timeline]')?.getAttribute('data-count') ?? 0) >=
        n,
    notes,
    { timeout: LOAD_LIMIT_MS, polling: 100 },
  );
  return { page, ms: Date.now() - start };
}

const intervals = { quiet: [] as number[], noted: [] as number[] };
const loadMs = { quiet: [] as number[], noted: [] as number[] };
const busy = { quiet: 0, noted: 0 };
const span = { quiet: 0, noted: 0 };
let hot: HotFunction[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, gateway, notes] of [
      ['quiet', quiet, 0],
      ['noted', noted, NOTES],
    ] as const) {
      const { page, ms: took } = await open(gateway, notes);
      loadMs[name].push(took);
      await page.waitForTimeout(WARMUP_MS);
      const cdp = await cdpOf(page);
      const w = await watchWindow(page, cdp, WINDOW_MS);
      intervals[name].push(...w.frameIntervals);
      busy[name] += w.taskMs;
      span[name] += w.spanMs;
      console.log(
        `round ${round + 1}, ${name}: live with its notes in ${(took / 1000).toFixed(1)} s; ` +
          `rAF p95 ${ms(percentile(w.frameIntervals, 95))} over ${w.frameIntervals.length} frames`,
      );
      if (name === 'noted' && round === ROUNDS - 1) {
        hot = await profileWhile(cdp, () => page.waitForTimeout(PROFILE_MS), 10);
      }
      await page.close();
    }
  }
} finally {
  await held.close();
}

const figures = (name: 'quiet' | 'noted') => ({
  p50: percentile(intervals[name], 50),
  p95: percentile(intervals[name], 95),
  p99: percentile(intervals[name], 99),
  busyShare: busy[name] / span[name],
  loadMs: Math.max(...loadMs[name]),
});
const fig = { notes: NOTES, windowMs: WINDOW_MS, rounds: ROUNDS, quiet: figures('quiet') };
const all = { ...fig, noted: figures('noted'), hot };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rows = [['page', 'rAF p50', 'rAF p95', 'rAF p99', 'main busy', 'live, notes shown']];
for (const [label, f] of [
  ['no notes', all.quiet],
  [`${NOTES} notes`, all.noted],
] as const) {
  rows.push([label, ms(f.p50), ms(f.p95), ms(f.p99), pct(f.busyShare), ms(f.loadMs)]);
}
console.log(table(rows));
const ratio = all.noted.p95 / all.quiet.p95;
console.log(
  `rAF p95: ${ms(all.noted.p95)} with ${NOTES} notes vs ${ms(all.quiet.p95)} with none: ratio ${ratio.toFixed(3)}`,
);
console.log(
  `notes page CPU profile, ${PROFILE_MS / 1000} s, top self time (app built unminified):`,
);
console.log(hotTable(hot));
const goals = [
  goal(
    `rAF p95, ${NOTES} notes vs none`,
    '<= none + 10%',
    `${ms(all.noted.p95)} vs ${ms(all.quiet.p95)} (x${ratio.toFixed(2)})`,
    ratio <= 1.1,
  ),
];
console.log(goalTable(goals));
writeResult({ benchmark: 'notes-page', figures: all, goals });
