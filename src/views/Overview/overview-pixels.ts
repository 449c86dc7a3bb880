/**
 * The overview's pixels: one column per slice, one row per server, in the heatmap's colours.
 * A fleet taller than the strip folds several servers into a pixel row, which shows the worst
 * of them, so a slow server is never averaged or scaled away.
 */
import { latencyLutIndex } from '../../core/format/colour-scale';
import {
  OVERVIEW_DOWN,
  OVERVIEW_EMPTY,
  OVERVIEW_IDLE,
  type SeriesOverview,
} from '../../core/series/series-overview';
import { DEFAULT_CELL_COLOURS, type CellColours } from '../Heatmap/heatmap-pixels';

/** Pixel rows for `servers` in a strip `heightPx` high: one per server while they fit. */
export function overviewRows(servers: number, heightPx: number): number {
  return Math.max(1, Math.min(servers, Math.floor(heightPx)));
}

/**
 * Fills `pixels` (o.slices x rows words, row-major) from `o`; pixel row r shows servers
 * [floor(r * S / rows), floor((r + 1) * S / rows)).
 */
export function fillOverviewPixels(
  pixels: Uint32Array,
  o: SeriesOverview,
  rows: number,
  lut: Uint32Array,
  colours: CellColours = DEFAULT_CELL_COLOURS,
): void {
  const servers = o.servers.length;
  pixels.fill(colours.empty);
  for (let r = 0; r < rows && servers > 0; r++) {
    const first = Math.floor((r * servers) / rows);
    const end = Math.max(first + 1, Math.floor(((r + 1) * servers) / rows));
    const row = pixels.subarray(r * o.slices, (r + 1) * o.slices);
    fillRow(row, o, first, end, lut, colours);
  }
}

/** One pixel row: the worst of servers [first, end) in each slice. */
function fillRow(
  row: Uint32Array,
  { slices, cells }: SeriesOverview,
  first: number,
  end: number,
  lut: Uint32Array,
  colours: CellColours,
): void {
  for (let s = 0; s < slices; s++) {
    let worst = OVERVIEW_EMPTY;
    for (let k = first; k < end; k++) {
      const v = cells[k * slices + s]!;
      if (v > worst) worst = v;
    }
    row[s] = colourOf(worst, lut, colours);
  }
}

function colourOf(v: number, lut: Uint32Array, c: CellColours): number {
  if (v === OVERVIEW_EMPTY) return c.empty;
  if (v === OVERVIEW_DOWN) return c.down;
  if (v === OVERVIEW_IDLE) return c.idle;
  return lut[latencyLutIndex(v)]!;
}

/**
 * Paints `o` on `canvas`, sized one pixel per slice and pixel row (CSS scales it to the
 * strip). The component and the benchmark both paint through this.
 */
export function paintOverview(
  canvas: HTMLCanvasElement,
  o: SeriesOverview,
  heightPx: number,
  lut: Uint32Array,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const rows = overviewRows(o.servers.length, heightPx);
  if (canvas.width !== o.slices) canvas.width = o.slices;
  if (canvas.height !== rows) canvas.height = rows;
  const image = ctx.createImageData(o.slices, rows);
  fillOverviewPixels(new Uint32Array(image.data.buffer), o, rows, lut);
  ctx.putImageData(image, 0, 0);
}
