/**
 * Fills one pixel per cell (server row x time column) into an RGBA word buffer; the component
 * blits it scaled up, so a full repaint is one pass over typed arrays and one drawImage.
 */
import { latencyLutIndex } from '../../core/colour-scale';
import type { SeriesStore } from '../../core/series-store';
import { columnOfTime, type HeatmapGeometry } from './heatmap-geometry';

/** Cell colours that are not a latency, as little-endian RGBA words. */
export interface CellColours {
  /** no sample for this server at this time */
  empty: number;
  /** a sample with no requests: the server idles */
  idle: number;
  /** the health check says down */
  down: number;
}

export const rgbaWord = (r: number, g: number, b: number) =>
  ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;

export const DEFAULT_CELL_COLOURS: CellColours = {
  empty: rgbaWord(24, 27, 34),
  idle: rgbaWord(52, 58, 70),
  down: rgbaWord(120, 120, 130),
};

/** Paints every held frame into `pixels` (columns x servers.length words, row-major). */
export function fillHeatmapPixels(
  pixels: Uint32Array,
  store: SeriesStore,
  g: HeatmapGeometry,
  lut: Uint32Array,
  colours: CellColours = DEFAULT_CELL_COLOURS,
): void {
  pixels.fill(colours.empty);
  const rows = store.servers.length;
  for (let i = 0; i < store.length; i++) {
    const slot = store.slot(i);
    const column = columnOfTime(store.times[slot]!, g);
    if (column < 0 || column >= g.columns) continue;
    for (let r = 0; r < rows; r++) {
      const s = store.servers[r]!;
      pixels[r * g.columns + column] = cellColour(
        s.requests[slot]!,
        s.p95[slot]!,
        s.up[slot]!,
        lut,
        colours,
      );
    }
  }
}

function cellColour(requests: number, p95: number, up: number, lut: Uint32Array, c: CellColours) {
  if (up === 0) return c.down;
  if (Number.isNaN(requests)) return c.empty;
  if (requests === 0 || Number.isNaN(p95)) return c.idle;
  return lut[latencyLutIndex(p95)]!;
}
