/**
 * The heatmap's repaint, step for step as Heatmap.tsx's `paint` does it (that one is a closure
 * inside the component): fill one word per cell, put it on an OffscreenCanvas, blit it scaled.
 * Keep in step with src/views/Heatmap/Heatmap.tsx.
 */
import type { SeriesStore } from '../../../src/core/series-store';
import type { HeatmapGeometry } from '../../../src/views/Heatmap/heatmap-geometry';
import { fillHeatmapPixels } from '../../../src/views/Heatmap/heatmap-pixels';

export interface Cells {
  image: ImageData;
  pixels: Uint32Array;
  canvas: OffscreenCanvas;
}

export function makeCells(columns: number, rows: number): Cells {
  const image = new ImageData(columns, rows);
  return {
    image,
    pixels: new Uint32Array(image.data.buffer),
    canvas: new OffscreenCanvas(columns, rows),
  };
}

/** ms spent in each step of one repaint */
export interface PaintSteps {
  fill: number;
  put: number;
  draw: number;
  /** reading one pixel back: the canvas's pending drawing rasterised */
  flush: number;
}

export function paintHeatmap(
  canvas: HTMLCanvasElement,
  cells: Cells,
  store: SeriesStore,
  g: HeatmapGeometry,
  lut: Uint32Array,
): PaintSteps {
  const ctx = canvas.getContext('2d')!;
  const t0 = performance.now();
  fillHeatmapPixels(cells.pixels, store, g, lut);
  const t1 = performance.now();
  cells.canvas.getContext('2d')!.putImageData(cells.image, 0, 0);
  const t2 = performance.now();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells.canvas, 0, 0, canvas.width, canvas.height);
  const t3 = performance.now();
  ctx.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
  const t4 = performance.now();
  return { fill: t1 - t0, put: t2 - t1, draw: t3 - t2, flush: t4 - t3 };
}
