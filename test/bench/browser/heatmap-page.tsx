/**
 * Bench page: the heatmap's full repaint and one-column update, against ECharts and recharts
 * drawing the same cells in a box of the same size. Driven by test/bench/heatmap.ts.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { echartsHeatmap, type EchartsHeatmap } from './echarts-heatmap';
import { cellsOf, heatmapData, LUT, type HeatmapData } from './heatmap-data';
import { RechartsHeatmap } from './recharts-heatmap';
import { ColourCache } from './prototype-paint';
import { makeCells, paintHeatmap, type Cells, type PaintSteps } from './skewboard-paint';
import { fillHeatmapPixels } from '../../../src/views/Heatmap/heatmap-pixels';
import { timeRuns, type RunTime } from './timing';

/** the plot box every renderer draws into, CSS px (the page runs at devicePixelRatio 1) */
export const BOX = { width: 1200, height: 1000 };

export interface HeatmapBench {
  setup(servers: number, columns: number): { setupMs: number; cells: number };
  skewboard(runs: number, warmup: number): Promise<{ times: RunTime[]; steps: PaintSteps[] }>;
  /** one new frame pushed, then the full repaint */
  update(runs: number, warmup: number): Promise<{ times: RunTime[]; push: number[] }>;
  echarts(runs: number, warmup: number): Promise<{ times: RunTime[] }>;
  recharts(runs: number, warmup: number): Promise<{ times: RunTime[]; elements: number }>;
  /** the sketch in prototype-paint.ts (not the app's code): full repaint and one new column */
  prototype(
    runs: number,
    warmup: number,
  ): Promise<{ full: RunTime[]; update: RunTime[]; samePixels: boolean }>;
  /** a pixel in the middle of the box, as the renderer left it: proof it drew */
  centre(renderer: 'skewboard' | 'echarts'): number[];
}

declare global {
  interface Window {
    heatmapBench: HeatmapBench;
  }
}

const host = (id: string) => {
  const el = document.createElement('div');
  el.id = id;
  el.className = 'plot';
  Object.assign(el.style, { width: `${BOX.width}px`, height: `${BOX.height}px` });
  document.body.append(el);
  return el;
};
// as on the page: one pixel per cell (paintHeatmap sizes it), scaled up by CSS
const canvas = document.createElement('canvas');
Object.assign(canvas.style, { width: '100%', height: '100%', imageRendering: 'pixelated' });
host('skewboard').append(canvas);
const echartsHost = host('echarts');
// the prototype's canvas: one pixel per cell, scaled up by the compositor
const cellCanvas = document.createElement('canvas');
Object.assign(cellCanvas.style, { width: '100%', height: '100%', imageRendering: 'pixelated' });
host('prototype').append(cellCanvas);
const rechartsHost = host('recharts');
// only the renderer being measured is on screen
const show = (id: string) => {
  for (const el of document.querySelectorAll<HTMLElement>('.plot'))
    el.style.visibility = el.id === id ? 'visible' : 'hidden';
};

let data: HeatmapData;
let cells: Cells;
let echarts: EchartsHeatmap | undefined;
let root: Root | undefined;

window.heatmapBench = {
  setup(servers, columns) {
    const start = performance.now();
    data = heatmapData(servers, columns);
    cells = makeCells(columns, servers);
    echarts?.dispose();
    echarts = undefined;
    root?.unmount();
    root = undefined;
    return { setupMs: performance.now() - start, cells: servers * columns };
  },

  async skewboard(runs, warmup) {
    show('skewboard');
    const steps: PaintSteps[] = [];
    const times = await timeRuns(runs, warmup, () => {
      steps.push(paintHeatmap(canvas, cells, data.store, data.geometry(), LUT));
    });
    return { times, steps: steps.slice(warmup) };
  },

  async update(runs, warmup) {
    show('skewboard');
    const frames = Array.from({ length: runs + warmup }, () => data.nextFrame());
    const push: number[] = [];
    const times = await timeRuns(runs, warmup, (i) => {
      const start = performance.now();
      data.store.push(frames[i]!);
      push.push(performance.now() - start);
      paintHeatmap(canvas, cells, data.store, data.geometry(), LUT);
    });
    return { times, push: push.slice(warmup) };
  },

  async echarts(runs, warmup) {
    show('echarts');
    const { store } = data;
    const columns = data.geometry().columns;
    const rows = store.servers.length;
    echarts ??= echartsHeatmap(echartsHost, { ...BOX, columns, rows });
    // two data sets, the second a column on, so each run draws something new
    const sets = [cellsOf(data), (data.store.push(data.nextFrame()), cellsOf(data))].map((c) =>
      c.map(({ x, y, v }) => [x, y, v]),
    );
    const chart = echarts;
    const times = await timeRuns(runs, warmup, async (i) => {
      await chart.draw(sets[i % 2]!);
    });
    return { times };
  },

  async recharts(runs, warmup) {
    show('recharts');
    root ??= createRoot(rechartsHost);
    const r = root;
    const columns = data.geometry().columns;
    const rows = data.store.servers.length;
    const sets = [cellsOf(data), (data.store.push(data.nextFrame()), cellsOf(data))];
    const props = { columns, rows, ...BOX };
    const times = await timeRuns(runs, warmup, async (i) => {
      // a fresh chart each run (key): its cells are all new, like a full repaint
      flushSync(() => r.render(<RechartsHeatmap key={i} cells={sets[i % 2]!} {...props} />));
      const want = columns * rows;
      while (rechartsHost.querySelectorAll('.recharts-rectangle').length < want) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      rechartsHost.getBoundingClientRect();
    });
    return { times, elements: rechartsHost.querySelectorAll('.recharts-rectangle').length };
  },

  async prototype(runs, warmup) {
    show('prototype');
    const { store } = data;
    const g = () => data.geometry();
    const { columns } = g();
    const rows = store.servers.length;
    cellCanvas.width = columns;
    cellCanvas.height = rows;
    const ctx = cellCanvas.getContext('2d')!;
    const cache = new ColourCache(store, LUT);
    const theirs = new Uint32Array(columns * rows);
    fillHeatmapPixels(theirs, store, g(), LUT);
    cache.fill(cells.pixels, g());
    const samePixels = theirs.every((w, i) => w === cells.pixels[i]);
    const flush = () => ctx.getImageData(columns >> 1, rows >> 1, 1, 1);
    const full = await timeRuns(runs, warmup, () => {
      cache.fill(cells.pixels, g());
      ctx.putImageData(cells.image, 0, 0);
      flush();
    });
    const frames = Array.from({ length: runs + warmup }, () => data.nextFrame());
    const update = await timeRuns(runs, warmup, (i) => {
      store.push(frames[i]!);
      cache.pushed();
      // frames one interval apart (the simulator's are)
      cache.shift(cells.pixels, columns);
      ctx.putImageData(cells.image, 0, 0);
      flush();
    });
    // still the app's picture after all those pushes
    fillHeatmapPixels(theirs, store, g(), LUT);
    const stillSame = theirs.every((w, i) => w === cells.pixels[i]);
    return { full, update, samePixels: samePixels && stillSame };
  },

  centre(renderer) {
    const c = renderer === 'skewboard' ? canvas : echarts!.canvas();
    // the middle of each canvas in its own pixels (Skewboard's is one pixel per cell)
    return [...c.getContext('2d')!.getImageData(c.width >> 1, c.height >> 1, 1, 1).data];
  },
};
