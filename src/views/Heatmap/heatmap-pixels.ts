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

/**
 * Each held frame's cell colours, worked out once per frame rather than on every repaint: a
 * frame's colours never change once it is pushed, and a repaint then only copies words.
 * A slot is recoloured when the frame in it is not the one it was coloured for.
 */
export class CellColourCache {
  private store: SeriesStore | undefined;
  private rows = 0;
  private colours: Uint32Array[] = [];
  private colouredSeq = new Float64Array(0);
  private colouredT = new Float64Array(0);

  constructor(
    private readonly lut: Uint32Array,
    private readonly cellColours: CellColours = DEFAULT_CELL_COLOURS,
  ) {}

  /** The colour words of server row `r`, indexed by ring slot, up to date with `store`. */
  rowsFor(store: SeriesStore): Uint32Array[] {
    const rows = store.servers.length;
    if (store !== this.store || rows !== this.rows) {
      // another store (a recording opened) or a server added: colour everything afresh
      this.store = store;
      this.rows = rows;
      this.colours = store.servers.map(() => new Uint32Array(store.capacity));
      this.colouredSeq = new Float64Array(store.capacity).fill(NaN);
      this.colouredT = new Float64Array(store.capacity).fill(NaN);
    }
    for (let i = 0; i < store.length; i++) {
      const slot = store.slot(i);
      if (
        this.colouredSeq[slot] === store.seqs[slot] &&
        this.colouredT[slot] === store.times[slot]
      ) {
        continue;
      }
      for (let r = 0; r < rows; r++) {
        const s = store.servers[r]!;
        this.colours[r]![slot] = cellColour(
          s.requests[slot]!,
          s.p95[slot]!,
          s.up[slot]!,
          this.lut,
          this.cellColours,
        );
      }
      this.colouredSeq[slot] = store.seqs[slot]!;
      this.colouredT[slot] = store.times[slot]!;
    }
    return this.colours;
  }
}

/**
 * Paints every held frame into `pixels` (columns x servers.length words, row-major). Pass the
 * same `cache` to every call to skip recolouring the frames already seen.
 */
export function fillHeatmapPixels(
  pixels: Uint32Array,
  store: SeriesStore,
  g: HeatmapGeometry,
  lut: Uint32Array,
  colours: CellColours = DEFAULT_CELL_COLOURS,
  cache: CellColourCache = new CellColourCache(lut, colours),
): void {
  pixels.fill(colours.empty);
  const rows = cache.rowsFor(store);
  // which column each held frame lands in, worked out once for all rows
  const slots: number[] = [];
  const columns: number[] = [];
  for (let i = 0; i < store.length; i++) {
    const slot = store.slot(i);
    const column = columnOfTime(store.times[slot]!, g);
    if (column < 0 || column >= g.columns) continue;
    slots.push(slot);
    columns.push(column);
  }
  // row by row, so the writes run along memory
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const base = r * g.columns;
    for (let k = 0; k < slots.length; k++) pixels[base + columns[k]!] = row[slots[k]!]!;
  }
}

function cellColour(requests: number, p95: number, up: number, lut: Uint32Array, c: CellColours) {
  if (up === 0) return c.down;
  if (Number.isNaN(requests)) return c.empty;
  if (requests === 0 || Number.isNaN(p95)) return c.idle;
  return lut[latencyLutIndex(p95)]!;
}
