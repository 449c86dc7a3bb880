/**
 * Bench page: the heatmap's full repaint and one-column update, against ECharts and recharts
 * drawing the same cells in a box of the same size. Driven by test/bench/heatmap.ts.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { echartsHeatmap, type EchartsHeatmap } from './echarts-heatmap';
import { cellsOf, heatmapData, LUT, type HeatmapData } from './heatmap-data';
import { RechartsHeatmap } from './recharts-heatmap';
import { paintHeatmap, type PaintSteps } from './skewboard-paint';
import { HeatmapCanvas } from '../../../src/views/Heatmap/heatmap-canvas';
import { fillHeatmapPixels } from '../../../src/views/Heatmap/heatmap-pixels';
import { timeRuns, type RunTime } from './timing';

/** the plot box every renderer draws into, CSS px (the page runs at devicePixelRatio 1) */
export const BOX = { width: 1200, height: 1000 };

export interface HeatmapBench {
  setup(servers: number, columns: number): { setupMs: number; cells: number };
  /** every cell painted afresh, as after a seek */
  skewboard(runs: number, warmup: number): Promise<{ times: RunTime[]; steps: PaintSteps[] }>;
  /** one new frame pushed and painted, as live; samePixels: still what a full paint gives */
  update(
    runs: number,
    warmup: number,
  ): Promise<{ times: RunTime[]; steps: PaintSteps[]; push: number[]; samePixels: boolean }>;
  echarts(runs: number, warmup: number): Promise<{ times: RunTime[] }>;
  recharts(runs: number, warmup: number): Promise<{ times: RunTime[]; elements: number }>;
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
const rechartsHost = host('recharts');
// only the renderer being measured is on screen
const show = (id: string) => {
  for (const el of document.querySelectorAll<HTMLElement>('.plot'))
    el.style.visibility = el.id === id ? 'visible' : 'hidden';
};

let data: HeatmapData;
let heatmap: HeatmapCanvas;
let echarts: EchartsHeatmap | undefined;
let root: Root | undefined;

window.heatmapBench = {
  setup(servers, columns) {
    const start = performance.now();
    data = heatmapData(servers, columns);
    heatmap = new HeatmapCanvas(LUT);
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
      steps.push(paintHeatmap(canvas, heatmap, data.store, data.geometry(), true));
    });
    return { times, steps: steps.slice(warmup) };
  },

  async update(runs, warmup) {
    show('skewboard');
    const frames = Array.from({ length: runs + warmup }, () => data.nextFrame());
    const push: number[] = [];
    const steps: PaintSteps[] = [];
    paintHeatmap(canvas, heatmap, data.store, data.geometry(), true);
    const times = await timeRuns(runs, warmup, (i) => {
      const start = performance.now();
      data.store.push(frames[i]!);
      push.push(performance.now() - start);
      steps.push(paintHeatmap(canvas, heatmap, data.store, data.geometry(), false));
    });
    // the canvas after all those frames, against a full paint of the same data
    const g = data.geometry();
    const full = new Uint32Array(g.columns * data.store.servers.length);
    fillHeatmapPixels(full, data.store, g, LUT);
    const shown = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const samePixels = new Uint32Array(shown.data.buffer).every((w, i) => w === full[i]);
    return { times, steps: steps.slice(warmup), push: push.slice(warmup), samePixels };
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

  centre(renderer) {
    const c = renderer === 'skewboard' ? canvas : echarts!.canvas();
    // the middle of each canvas in its own pixels (Skewboard's is one pixel per cell)
    return [...c.getContext('2d')!.getImageData(c.width >> 1, c.height >> 1, 1, 1).data];
  },
};
