/**
 * Heatmap benchmark, in Chromium: the heatmap's full paint (through HeatmapCanvas, as
 * Heatmap.tsx paints: every cell's colour word, one putImageData onto a one-pixel-per-cell
 * canvas that CSS scales up) against ECharts' heatmap and a recharts rendering of the same
 * cells, and the update when one new column arrives (the pixels shifted, one column painted).
 *
 *   npx tsx test/bench/heatmap.ts [out.json]
 *
 * "work" runs until the pixels are in the canvas (one read back) or, for recharts, until
 * every cell is in the DOM and laid out; "to frame" until the next frame has painted.
 */
import type { Page } from 'playwright-core';
import { benchPages } from './lib/bench-page';
import { resources } from './lib/resources';
import { goal, goalTable, ms, ratio, table, writeResult } from './lib/report';
import { median } from './lib/stats';
import type { RunTime } from './browser/timing';

const FULL = { servers: 500, columns: 720 };
// a 6 h window of 10 s frames (the most columns the page draws), beside FULL's 2 h
const SIX_HOURS = { servers: 500, columns: 2160 };
// recharts makes one SVG element per cell: 360,000 of them do not finish in reasonable time
const SMALL = { servers: 50, columns: 72 };

const held = resources('heatmap', 4 * 60_000);
const pages = held.hold(await benchPages(['heatmap']), (p) => p.close());
const work = (ts: RunTime[]) => median(ts.map((t) => t.work));
const frame = (ts: RunTime[]) => median(ts.map((t) => t.frame));

async function measureAll(page: Page) {
  const setup = (size: { servers: number; columns: number }) =>
    page.evaluate(({ servers, columns }) => window.heatmapBench.setup(servers, columns), size);
  const bench = <T>(run: () => Promise<T>) => page.evaluate(run);
  await setup(FULL);
  const full = await bench(() => window.heatmapBench.skewboard(20, 5));
  const fullCentre = await bench(async () => window.heatmapBench.centre('skewboard'));
  const update = await bench(() => window.heatmapBench.update(30, 5));
  const echartsFull = await bench(() => window.heatmapBench.echarts(5, 1));
  const echartsCentre = await bench(async () => window.heatmapBench.centre('echarts'));
  await setup(SIX_HOURS);
  const sixHours = await bench(() => window.heatmapBench.skewboard(20, 5));
  const sixHoursUpdate = await bench(() => window.heatmapBench.update(30, 5));
  await setup(SMALL);
  const small = await bench(() => window.heatmapBench.skewboard(20, 5));
  const echartsSmall = await bench(() => window.heatmapBench.echarts(10, 2));
  const recharts = await bench(() => window.heatmapBench.recharts(5, 1));
  return {
    full,
    fullCentre,
    update,
    echartsFull,
    echartsCentre,
    sixHours,
    sixHoursUpdate,
    small,
    echartsSmall,
    recharts,
  };
}

let measured: Awaited<ReturnType<typeof measureAll>>;
try {
  measured = await measureAll(await pages.open('heatmap', 'window.heatmapBench !== undefined'));
} finally {
  await held.close();
}
const {
  full,
  fullCentre,
  update,
  echartsFull,
  echartsCentre,
  sixHours,
  sixHoursUpdate,
  small,
  echartsSmall,
  recharts,
} = measured;

const size = (s: typeof FULL) => `${s.servers} x ${s.columns}`;
const fig = {
  full: { size: size(FULL), work: work(full.times), frame: frame(full.times) },
  steps: {
    pixels: median(full.steps.map((s) => s.pixels)),
    put: median(full.steps.map((s) => s.put)),
    flush: median(full.steps.map((s) => s.flush)),
  },
  update: {
    work: work(update.times),
    frame: frame(update.times),
    push: median(update.push),
    pixels: median(update.steps.map((s) => s.pixels)),
    put: median(update.steps.map((s) => s.put)),
    flush: median(update.steps.map((s) => s.flush)),
    samePixels: update.samePixels,
  },
  echartsFull: { work: work(echartsFull.times), frame: frame(echartsFull.times) },
  sixHours: {
    size: size(SIX_HOURS),
    work: work(sixHours.times),
    frame: frame(sixHours.times),
    update: work(sixHoursUpdate.times),
    samePixels: sixHoursUpdate.samePixels,
  },
  small: { size: size(SMALL), work: work(small.times), frame: frame(small.times) },
  echartsSmall: { work: work(echartsSmall.times), frame: frame(echartsSmall.times) },
  recharts: {
    work: work(recharts.times),
    frame: frame(recharts.times),
    elements: recharts.elements,
  },
  pixels: { skewboard: fullCentre, echarts: echartsCentre },
};
const vsFull = fig.echartsFull.work / fig.full.work;

console.log(
  table([
    ['renderer', 'cells', 'work (median)', 'to frame (median)', 'work vs Skewboard'],
    ['Skewboard paint', fig.full.size, ms(fig.full.work), ms(fig.full.frame), '1x'],
    [
      'ECharts heatmap',
      fig.full.size,
      ms(fig.echartsFull.work),
      ms(fig.echartsFull.frame),
      ratio(vsFull),
    ],
    [
      'Skewboard paint, 6 h window',
      fig.sixHours.size,
      ms(fig.sixHours.work),
      ms(fig.sixHours.frame),
      `${ratio(fig.sixHours.work / fig.full.work)} the 2 h paint`,
    ],
    ['Skewboard paint', fig.small.size, ms(fig.small.work), ms(fig.small.frame), '1x'],
    [
      'ECharts heatmap',
      fig.small.size,
      ms(fig.echartsSmall.work),
      ms(fig.echartsSmall.frame),
      ratio(fig.echartsSmall.work / fig.small.work),
    ],
    [
      'recharts Scatter of Rectangles',
      `${fig.small.size} (*)`,
      ms(fig.recharts.work),
      ms(fig.recharts.frame),
      ratio(fig.recharts.work / fig.small.work),
    ],
    [
      'Skewboard update: push + new column',
      `${fig.full.size} + 1`,
      ms(fig.update.work),
      ms(fig.update.frame),
      '',
    ],
    [
      'Skewboard update, 6 h window',
      `${fig.sixHours.size} + 1`,
      ms(fig.sixHours.update),
      '',
      `${ratio(fig.sixHours.update / fig.update.work)} the 2 h update`,
    ],
  ]),
);
console.log(
  `(*) recharts at ${fig.small.size} only (${fig.recharts.elements} SVG rectangles): one element ` +
    `per cell, ${FULL.servers * FULL.columns} would not finish in reasonable time`,
);
console.log(
  `full paint by step (median): pixels ${ms(fig.steps.pixels)}, putImageData ${ms(fig.steps.put)}, ` +
    `one pixel read back ${ms(fig.steps.flush)}; update: push ${ms(fig.update.push)}, ` +
    `shift + new column ${ms(fig.update.pixels)}, putImageData ${ms(fig.update.put)}, ` +
    `read back ${ms(fig.update.flush)}; after ${update.times.length} updates the canvas ` +
    `${fig.update.samePixels ? 'equals' : 'DIFFERS FROM'} a full paint of the same data`,
);
console.log(
  `centre pixel RGBA: Skewboard ${fullCentre.join(',')}, ECharts ${echartsCentre.join(',')}`,
);
const goals = [
  goal(`full paint ${fig.full.size}`, '<= 5 ms', ms(fig.full.work), fig.full.work <= 5),
  goal('full paint vs ECharts', '>= 100x faster', ratio(vsFull), vsFull >= 100),
  goal('update, one new column', '<= 0.5 ms', ms(fig.update.work), fig.update.work <= 0.5),
  goal(
    `full paint ${fig.sixHours.size} (6 h window)`,
    '<= 15 ms',
    ms(fig.sixHours.work),
    fig.sixHours.work <= 15,
  ),
  goal(
    'update paints what a full paint does',
    'same pixels',
    fig.update.samePixels && fig.sixHours.samePixels ? 'same' : 'different',
    fig.update.samePixels && fig.sixHours.samePixels,
  ),
];
console.log(goalTable(goals));
writeResult({ benchmark: 'heatmap', figures: fig, goals });
