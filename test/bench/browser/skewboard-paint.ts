/**
 * The heatmap's paint, through the HeatmapCanvas the component uses, with each step timed:
 * the pixels brought up to date (every cell afresh for a full paint; for a new frame, the
 * shift and the new column), putImageData, and one pixel read back so the canvas has really
 * drawn before the clock stops.
 */
import type { SeriesStore } from '../../../src/core/series/series-store';
import type { HeatmapGeometry } from '../../../src/views/Heatmap/heatmap-geometry';
import { HeatmapCanvas } from '../../../src/views/Heatmap/heatmap-canvas';

/** ms spent in each step of one paint */
export interface PaintSteps {
  pixels: number;
  put: number;
  /** reading one pixel back: the canvas's pending drawing rasterised */
  flush: number;
}

export function paintHeatmap(
  canvas: HTMLCanvasElement,
  heatmap: HeatmapCanvas,
  store: SeriesStore,
  g: HeatmapGeometry,
  full: boolean,
): PaintSteps {
  const t0 = performance.now();
  const change = heatmap.update(store, g, full);
  const t1 = performance.now();
  heatmap.put(canvas, change);
  const t2 = performance.now();
  canvas.getContext('2d')!.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
  const t3 = performance.now();
  return { pixels: t1 - t0, put: t2 - t1, flush: t3 - t2 };
}
