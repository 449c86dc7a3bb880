/**
 * The heatmap's repaint, step for step as Heatmap.tsx's `paint` does it (that one is a closure
 * inside the component): copy each cell's colour word (worked out once per frame, kept in a
 * CellColourCache), put them on an OffscreenCanvas, blit it scaled.
 * Keep in step with src/views/Heatmap/Heatmap.tsx.
 */
import type { SeriesStore } from '../../../src/core/series-store';
import type { HeatmapGeometry } from '../../../src/views/Heatmap/heatmap-geometry';
import {
  CellColourCache,
  DEFAULT_CELL_COLOURS,
  fillHeatmapPixels,
} from '../../../src/views/Heatmap/heatmap-pixels';

export interface Cells {
  image: ImageData;
  pixels: Uint32Array;
  canvas: OffscreenCanvas;
  /** as the component keeps one: each frame is coloured the first time it is painted */
  cache?: CellColourCache;
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
  cells.cache ??= new CellColourCache(lut);
  fillHeatmapPixels(cells.pixels, store, g, lut, DEFAULT_CELL_COLOURS, cells.cache);
  const t1 = performance.now();
  // as the component does: the canvas is one pixel per cell, scaled by CSS
  if (canvas.width !== cells.image.width || canvas.height !== cells.image.height) {
    canvas.width = cells.image.width;
    canvas.height = cells.image.height;
  }
  ctx.putImageData(cells.image, 0, 0);
  const t2 = performance.now();
  const t3 = performance.now();
  ctx.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
  const t4 = performance.now();
  return { fill: t1 - t0, put: t2 - t1, draw: t3 - t2, flush: t4 - t3 };
}
