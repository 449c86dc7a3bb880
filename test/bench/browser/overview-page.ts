/**
 * Bench page: the review's overview strip of a recording loaded as the app loads it
 * (loadRecordingUrl: the store the page holds), worked out and painted through the functions
 * the component uses, beside the heatmap's full repaint of the same store (what every seek
 * does) and one read of every sample's p95. Driven by test/bench/overview.ts.
 */
import { buildLatencyLut } from '../../../src/core/format/colour-scale';
import { overviewOfSeries } from '../../../src/core/series/series-overview';
import type { SeriesStore } from '../../../src/core/series/series-store';
import { loadRecordingUrl } from '../../../src/state/load-recording';
import { shownWindow } from '../../../src/state/shown-window';
import { HeatmapCanvas } from '../../../src/views/Heatmap/heatmap-canvas';
import { paintOverview } from '../../../src/views/Overview/overview-pixels';
import { paintHeatmap } from './skewboard-paint';
import { timeRuns, type RunTime } from './timing';

/** the strip's height on a desk page, CSS px (3em at 16 px) */
export const STRIP_HEIGHT = 48;

/** ms spent in each step of one overview */
export interface OverviewSteps {
  /** overviewOfSeries: the worst p95 of every server in every slice */
  cells: number;
  /** paintOverview: the pixels and the putImageData */
  paint: number;
  /** reading one pixel back: the canvas really drawn */
  flush: number;
}

export interface OverviewBench {
  load(url: string): Promise<{ frames: number; servers: number }>;
  /** the strip `width` CSS px wide: the first draw (cold), then `runs` after `warmup` */
  overview(
    width: number,
    runs: number,
    warmup: number,
  ): Promise<{
    first: number;
    firstSteps: OverviewSteps;
    times: RunTime[];
    steps: OverviewSteps[];
  }>;
  /** the heatmap's full repaint at the recording's end, as a seek there paints it */
  heatmap(runs: number, warmup: number): Promise<{ times: RunTime[]; columns: number }>;
  /** one pass over every sample's p95: the least any overview reads */
  readAll(runs: number, warmup: number): Promise<RunTime[]>;
}

declare global {
  interface Window {
    overviewBench: OverviewBench;
  }
}

const LUT = buildLatencyLut();
const stripCanvas = document.createElement('canvas');
Object.assign(stripCanvas.style, {
  display: 'block',
  height: `${STRIP_HEIGHT}px`,
  imageRendering: 'pixelated',
});
const heatmapCanvas = document.createElement('canvas');
Object.assign(heatmapCanvas.style, {
  display: 'block',
  width: '1200px',
  height: '600px',
  imageRendering: 'pixelated',
});
document.body.append(stripCanvas, heatmapCanvas);

let store: SeriesStore;

function drawOverview(width: number): OverviewSteps {
  const t0 = performance.now();
  const o = overviewOfSeries(store, store.oldestT, store.newestT, width);
  const t1 = performance.now();
  paintOverview(stripCanvas, o, STRIP_HEIGHT, LUT);
  const t2 = performance.now();
  stripCanvas.getContext('2d')!.getImageData(width >> 1, 0, 1, 1);
  return { cells: t1 - t0, paint: t2 - t1, flush: performance.now() - t2 };
}

window.overviewBench = {
  async load(url) {
    const recording = await loadRecordingUrl(url, () => {});
    recording.dispose();
    store = recording.series;
    return { frames: store.length, servers: store.servers.length };
  },

  async overview(width, runs, warmup) {
    stripCanvas.style.width = `${width}px`;
    const start = performance.now();
    const firstSteps = drawOverview(width);
    const first = performance.now() - start;
    const steps: OverviewSteps[] = [];
    const times = await timeRuns(runs, warmup, (i) => {
      const s = drawOverview(width);
      if (i >= warmup) steps.push(s);
    });
    return { first, firstSteps, times, steps };
  },

  async heatmap(runs, warmup) {
    const shown = shownWindow({
      windowMs: undefined,
      rangeMs: undefined,
      viewEndT: store.newestT,
      newestT: store.newestT,
      oldestT: store.oldestT,
      intervalMs: store.newestT - store.times[store.slot(store.length - 2)]!,
    });
    const g = { columns: shown.columns, intervalMs: shown.columnMs, newestT: shown.to };
    const times = await timeRuns(runs, warmup, () => {
      // its colours afresh each time, as a seek to frames not seen yet paints them
      paintHeatmap(heatmapCanvas, new HeatmapCanvas(LUT), store, g, true);
    });
    return { times, columns: g.columns };
  },

  readAll(runs, warmup) {
    let sink = 0;
    return timeRuns(runs, warmup, () => {
      for (const s of store.servers) {
        for (let i = 0; i < store.length; i++) sink += s.p95[store.slot(i)]!;
      }
      if (sink === -1) console.log(sink);
    });
  },
};
