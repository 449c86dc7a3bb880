/**
 * Review-overview benchmark, in Chromium: the strip under the scrub bar of the review
 * benchmarks' recording (2 h x 50 servers at 1 Hz, 7,200 frames, 360,000 samples), loaded as
 * the app loads it, worked out (the worst p95 of every server in each pixel column) and
 * painted through the functions the component uses, at a desk strip's width and at a full-HD
 * and a 4K screen's. Its peers, measured in the same run: the heatmap's full repaint of the
 * same store (what every seek does) and one plain read of every sample's p95.
 * Goal: the overview drawn in <= 50 ms (the median after a warm-up, at the slowest width; the
 * first draw of a fresh page is printed beside it).
 *
 *   npx tsx test/bench/overview.ts [out.json]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunTime } from './browser/timing';
import { benchPages } from './lib/bench-page';
import { goal, goalTable, ms, ratio, table, writeResult } from './lib/report';
import { resources } from './lib/resources';
import { median } from './lib/stats';
import { FRAMES, SERVERS, twoHourRecording } from './lib/two-hour-recording';

const RUNS = 20;
const WARMUP = 5;
/** a desk strip (a 1600 px wide page), a full-HD screen's width and a 4K wall's */
const WIDTHS = [800, 1920, 3840];
const GOAL_MS = 50;

const held = resources('overview', 4 * 60_000);
const dir = held.hold(await mkdtemp(join(tmpdir(), 'skewboard-bench-overview-')), (d) =>
  rm(d, { recursive: true, force: true }),
);
const path = join(dir, 'two-hours.ndjson');
await writeFile(path, twoHourRecording());
const pages = held.hold(await benchPages(['overview'], { '/two-hours.ndjson': path }), (p) =>
  p.close(),
);

const work = (ts: RunTime[]) => median(ts.map((t) => t.work));
const frame = (ts: RunTime[]) => median(ts.map((t) => t.frame));

let measured;
try {
  const page = await pages.open('overview', 'window.overviewBench !== undefined');
  const loaded = await page.evaluate(() => window.overviewBench.load('/two-hours.ndjson'));
  const strips = [];
  for (const width of WIDTHS) {
    const r = await page.evaluate(
      ({ w, runs, warmup }) => window.overviewBench.overview(w, runs, warmup),
      { w: width, runs: RUNS, warmup: WARMUP },
    );
    strips.push({ width, ...r });
  }
  const heatmap = await page.evaluate(
    ({ runs, warmup }) => window.overviewBench.heatmap(runs, warmup),
    { runs: RUNS, warmup: WARMUP },
  );
  const readAll = await page.evaluate(
    ({ runs, warmup }) => window.overviewBench.readAll(runs, warmup),
    { runs: RUNS, warmup: WARMUP },
  );
  measured = { loaded, strips, heatmap, readAll };
} finally {
  await held.close();
}

const { loaded, strips, heatmap, readAll } = measured;
console.log(
  `recording: ${loaded.frames} frames of ${loaded.servers} servers (${FRAMES} x ${SERVERS} made)`,
);
const heatmapMs = work(heatmap.times);
const readMs = work(readAll);
const rows = [
  ['work', `median of ${RUNS}`, 'to frame', 'first (cold)', 'steps: cells / paint / flush'],
];
for (const s of strips) {
  const step = (k: 'cells' | 'paint' | 'flush') => ms(median(s.steps.map((x) => x[k])));
  rows.push([
    `overview, ${s.width} px wide`,
    ms(work(s.times)),
    ms(frame(s.times)),
    `${ms(s.first)} (${ms(s.firstSteps.cells)} / ${ms(s.firstSteps.paint)} / ${ms(s.firstSteps.flush)})`,
    `${step('cells')} / ${step('paint')} / ${step('flush')}`,
  ]);
}
rows.push([
  `peer: heatmap full repaint (${heatmap.columns} columns), as a seek`,
  ms(heatmapMs),
  ms(frame(heatmap.times)),
  '',
  '',
]);
rows.push(['peer: one read of every p95 (the floor)', ms(readMs), '', '', '']);
console.log(table(rows));
const widest = strips.at(-1)!;
console.log(
  `the ${widest.width} px overview takes ${ratio(work(widest.times) / heatmapMs)} a seek's heatmap repaint, ` +
    `${ratio(work(widest.times) / readMs)} a plain read of every p95`,
);
// judged on the slowest width, warmed up as every other bench here; the first draw of a
// page (code not yet compiled, the canvas's first context) is printed beside it
const worst = Math.max(...strips.map((s) => work(s.times)));
const worstFirst = Math.max(...strips.map((s) => s.first));
console.log(`first draw of a fresh page, slowest width: ${ms(worstFirst)}`);
const goals = [
  goal(
    `overview of 2 h x ${SERVERS} servers drawn (slowest width, median)`,
    `<= ${GOAL_MS} ms`,
    ms(worst),
    worst <= GOAL_MS,
  ),
];
console.log(goalTable(goals));
writeResult({
  benchmark: 'overview',
  figures: {
    frames: loaded.frames,
    servers: loaded.servers,
    strips: strips.map((s) => ({
      width: s.width,
      work: work(s.times),
      frame: frame(s.times),
      first: s.first,
      firstSteps: s.firstSteps,
      runs: s.times,
      steps: s.steps,
    })),
    heatmap: { columns: heatmap.columns, work: heatmapMs, frame: frame(heatmap.times) },
    readAll: readMs,
  },
  goals,
});
