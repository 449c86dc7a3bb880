/**
 * The heatmap's canvas: one pixel per cell (CSS scales it up, image-rendering: pixelated),
 * its pixels kept by HeatmapPixels in an ImageData's own buffer, so a repaint is the changed
 * words and one putImageData, with no scaled blit. The component and the benchmark both
 * paint through this, so what is measured is what ships.
 */
import { ringRuns } from '../../core/series/ring';
import type { SeriesStore } from '../../core/series/series-store';
import type { HeatmapGeometry } from './heatmap-geometry';
import { HeatmapPixels, type PixelChange } from './heatmap-pixels';
import type { PlanRow } from './row-plan';

export class HeatmapCanvas {
  private image: ImageData | undefined;
  private pixels: HeatmapPixels | undefined;
  /** the canvas last put on, which then showed the pixels exactly */
  private shownOn: HTMLCanvasElement | undefined;

  constructor(private readonly lut: Uint32Array) {}

  /**
   * Brings the pixels up to `store` seen through `g` (`full`: every cell afresh), one row per
   * server or per row of `plan`; returns what changed. There must be at least one row.
   */
  update(
    store: SeriesStore,
    g: HeatmapGeometry,
    full = false,
    plan?: readonly PlanRow[],
  ): PixelChange {
    const rows = plan ? plan.length : store.servers.length;
    let pixels = this.pixels;
    if (!pixels || pixels.rows !== rows || pixels.columns !== g.columns) {
      const image = new ImageData(g.columns, rows);
      pixels = new HeatmapPixels(
        g.columns,
        rows,
        this.lut,
        undefined,
        new Uint32Array(image.data.buffer),
      );
      this.image = image;
      this.pixels = pixels;
      full = true;
    }
    if (!full) return pixels.update(store, g, plan);
    pixels.repaint(store, g, plan);
    return { kind: 'all' };
  }

  /**
   * Puts what `change` changed on `canvas`, sized one pixel per cell. The rows are rings (see
   * HeatmapPixels.offset): two putImageData calls, each a dirty rectangle placed where it
   * shows, lay them out in screen order. When nothing moved, only the columns written go.
   * (Moving the canvas onto itself with drawImage measured ten times slower than a put.)
   */
  put(canvas: HTMLCanvasElement, change: PixelChange): void {
    const image = this.image;
    const pixels = this.pixels;
    const ctx = canvas.getContext('2d');
    if (!image || !pixels || !ctx || change.kind === 'none') return;
    const { width, height } = image;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      this.shownOn = undefined;
    }
    const start = pixels.offset;
    // screen columns [from, to): each run of ring positions put where it shows
    const putColumns = (from: number, to: number) => {
      for (const { at, length, offset } of ringRuns(start, from, to, width)) {
        ctx.putImageData(image, from + offset - at, 0, at, 0, length, height);
      }
    };
    if (change.kind === 'shift' && change.shift === 0 && this.shownOn === canvas) {
      if (change.to > change.from) putColumns(change.from, change.to);
    } else {
      putColumns(0, width);
    }
    this.shownOn = canvas;
  }

  paint(
    canvas: HTMLCanvasElement,
    store: SeriesStore,
    g: HeatmapGeometry,
    plan?: readonly PlanRow[],
  ): void {
    if ((plan ? plan.length : store.servers.length) === 0) return;
    this.put(canvas, this.update(store, g, false, plan));
  }
}
