/**
 * One pixel per cell (server row x time column) in an RGBA word buffer, which the canvas puts
 * as it is and CSS scales up: a full paint is one pass over typed arrays, and HeatmapPixels
 * keeps the buffer up to date a column at a time as frames come.
 */
import { LUT_SIZE, latencyLutIndex } from '../../core/format/colour-scale';
import { advanceRingStart, ringRuns, ringSlot } from '../../core/series/ring';
import type { SeriesStore, ServerSeries } from '../../core/series/series-store';
import { weightedPercentileBin } from '../../core/series/weighted-percentile';
import { columnOfTime, timeOfColumn, type HeatmapGeometry } from './heatmap-geometry';
import type { PlanRow } from './row-plan';

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
 * How bad a cell is, as one small number: 0 no sample, 1 idle, then the latency's LUT bin (2 up
 * to LUT_SIZE + 1), and down above every latency. A column that holds several frames (a long
 * window) shows its worst, so a spike is never hidden behind a calmer frame after it.
 */
export const RANK_EMPTY = 0;
export const RANK_IDLE = 1;
const RANK_LATENCY = 2;
export const RANK_DOWN = LUT_SIZE + RANK_LATENCY;

/** The colour word of each rank: the palette a pixel is painted from. */
export function rankPalette(lut: Uint32Array, colours: CellColours): Uint32Array {
  const palette = new Uint32Array(RANK_DOWN + 1);
  palette[RANK_EMPTY] = colours.empty;
  palette[RANK_IDLE] = colours.idle;
  palette.set(lut.subarray(0, LUT_SIZE), RANK_LATENCY);
  palette[RANK_DOWN] = colours.down;
  return palette;
}

/** A server's cell in the frame in `slot`. */
export function serverRank(s: ServerSeries, slot: number): number {
  if (s.up[slot] === 0) return RANK_DOWN;
  const requests = s.requests[slot]!;
  if (Number.isNaN(requests)) return RANK_EMPTY;
  const p95 = s.p95[slot]!;
  if (requests === 0 || Number.isNaN(p95)) return RANK_IDLE;
  return RANK_LATENCY + latencyLutIndex(p95);
}

/**
 * A band's cell: down when every server sampled is down, empty when none is sampled, idle
 * with no requests; else the request-weighted 95th percentile of its servers' p95, found
 * as a LUT bin (the bin of that p95, without a sort). `bins` is scratch, LUT_SIZE long, zeros.
 */
export function bandRank(members: readonly ServerSeries[], slot: number, bins: Float64Array) {
  let sampled = false;
  let up = false;
  for (const s of members) {
    const requests = s.requests[slot]!;
    if (Number.isNaN(requests)) continue;
    sampled = true;
    if (s.up[slot] === 0) continue;
    up = true;
    const p95 = s.p95[slot]!;
    if (requests > 0 && !Number.isNaN(p95)) bins[latencyLutIndex(p95)]! += requests;
  }
  if (!sampled) return RANK_EMPTY;
  if (!up) return RANK_DOWN;
  const bin = weightedPercentileBin(bins, BAND_QUANTILE);
  bins.fill(0);
  return bin < 0 ? RANK_IDLE : RANK_LATENCY + bin;
}

/**
 * Each held frame's cell ranks, worked out once per frame rather than on every repaint: a
 * frame's cells never change once it is pushed, and a repaint then only compares and copies.
 * A slot is ranked when first painted (a two-hour recording ranks only the frames in
 * view), and ranked again when the frame in it is not the one it was ranked for.
 */
export class CellColourCache {
  private store: SeriesStore | undefined;
  private serverList = -1;
  private plan: readonly PlanRow[] | undefined;
  /** per pixel row: its server, a band's servers, or undefined for a server the store lost */
  private sources: (ServerSeries | ServerSeries[] | undefined)[] = [];
  private readonly bins = new Float64Array(LUT_SIZE);
  private ranks: Uint16Array[] = [];
  private rankedSeq = new Float64Array(0);
  private rankedT = new Float64Array(0);
  /** the colour word of each rank */
  readonly palette: Uint32Array;

  constructor(lut: Uint32Array, cellColours: CellColours = DEFAULT_CELL_COLOURS) {
    this.palette = rankPalette(lut, cellColours);
  }

  /**
   * The ranks of row `r`, indexed by ring slot, for `store` (rows: `plan`'s, or one per server
   * in the store's order); only the slots passed to `colourSlot` since are up to date.
   */
  rowsFor(store: SeriesStore, plan?: readonly PlanRow[]): Uint16Array[] {
    if (store !== this.store || store.serverListVersion !== this.serverList || plan !== this.plan) {
      // another store (a recording opened), a server added or dropped, or other rows: rows
      // moved, so rank everything afresh
      this.store = store;
      this.serverList = store.serverListVersion;
      this.plan = plan;
      this.sources = plan
        ? plan.map((row) =>
            row.kind === 'server'
              ? store.server(row.id)
              : row.ids.flatMap((id) => store.server(id) ?? []),
          )
        : store.servers;
      this.ranks = this.sources.map(() => new Uint16Array(store.capacity));
      this.rankedSeq = new Float64Array(store.capacity).fill(NaN);
      this.rankedT = new Float64Array(store.capacity).fill(NaN);
    }
    return this.ranks;
  }

  /** Ranks the frame in `slot` of the store last given to rowsFor, unless it already is. */
  colourSlot(store: SeriesStore, slot: number): void {
    if (this.rankedSeq[slot] === store.seqs[slot] && this.rankedT[slot] === store.times[slot]) {
      return;
    }
    for (let r = 0; r < this.ranks.length; r++) {
      const s = this.sources[r];
      this.ranks[r]![slot] =
        s === undefined
          ? RANK_EMPTY
          : Array.isArray(s)
            ? bandRank(s, slot, this.bins)
            : serverRank(s, slot);
    }
    this.rankedSeq[slot] = store.seqs[slot]!;
    this.rankedT[slot] = store.times[slot]!;
  }
}

/** a band shows the 95th percentile of its servers' p95s, each weighted by its requests */
export const BAND_QUANTILE = 0.95;

/** The held frames whose column is on the heatmap, as indexes into the store [from, to). */
function framesInView(store: SeriesStore, g: HeatmapGeometry): { from: number; to: number } {
  // columnOfTime rounds (newestT - t) / intervalMs: columns 0..columns-1 take the times in
  // (newestT - (columns - 0.5) * intervalMs, newestT + 0.5 * intervalMs]
  return {
    from: store.countAtOrBefore(g.newestT - (g.columns - 0.5) * g.intervalMs),
    to: store.countAtOrBefore(g.newestT + 0.5 * g.intervalMs),
  };
}

/**
 * Paints every held frame into `pixels` (columns x rows words, row-major; rows: `plan`'s, or
 * one per server). Pass the same `cache` to every call to skip recolouring the frames seen.
 */
export function fillHeatmapPixels(
  pixels: Uint32Array,
  store: SeriesStore,
  g: HeatmapGeometry,
  lut: Uint32Array,
  colours: CellColours = DEFAULT_CELL_COLOURS,
  cache: CellColourCache = new CellColourCache(lut, colours),
  plan?: readonly PlanRow[],
): void {
  pixels.fill(colours.empty);
  const rows = cache.rowsFor(store, plan);
  const palette = cache.palette;
  // which column each frame in view lands in, worked out once for all rows; frames are in
  // time order, so a column's frames are neighbours
  const slots: number[] = [];
  const columns: number[] = [];
  const { from, to } = framesInView(store, g);
  for (let i = from; i < to; i++) {
    const slot = store.slot(i);
    const column = columnOfTime(store.times[slot]!, g);
    if (column < 0 || column >= g.columns) continue;
    cache.colourSlot(store, slot);
    slots.push(slot);
    columns.push(column);
  }
  // row by row, so the writes run along memory; a column shows its worst frame
  for (let r = 0; r < rows.length; r++) {
    const ranks = rows[r]!;
    const base = r * g.columns;
    let k = 0;
    while (k < slots.length) {
      const column = columns[k]!;
      let worst = ranks[slots[k]!]!;
      for (k++; k < slots.length && columns[k] === column; k++) {
        worst = Math.max(worst, ranks[slots[k]!]!);
      }
      pixels[base + column] = palette[worst]!;
    }
  }
}

/**
 * What an update changed: nothing; every cell; or every row shifted left by `shift` columns,
 * then the columns [from, to) written (none when from === to).
 */
export type PixelChange =
  { kind: 'none' } | { kind: 'all' } | { kind: 'shift'; shift: number; from: number; to: number };

/** What a paint last showed, to tell a view that moved on by whole columns from any other. */
interface Painted {
  store: SeriesStore;
  plan: readonly PlanRow[] | undefined;
  rows: number;
  /** the store's serverListVersion: the same count of rows may be other servers */
  serverList: number;
  columns: number;
  intervalMs: number;
  newestT: number;
  /** the store's newest frame then (seq and t) and its oldest frame's column */
  newestSeq: number;
  storeNewestT: number;
  storeOldestT: number;
  oldestColumn: number;
}

/**
 * The heatmap's pixels, kept up to date frame by frame. When the view has moved on by whole
 * columns and only new frames came in (live, every second), it turns each row's ring by that
 * many columns and paints the new ones: a few hundred words instead of every cell. Anything else (another
 * store, a server added or dropped, a seek, a view moved by part of a column) repaints in full. Either
 * way the pixels, read from `offset` (inScreenOrder), equal what fillHeatmapPixels paints.
 */
export class HeatmapPixels {
  readonly pixels: Uint32Array;
  private readonly cache: CellColourCache;
  private painted: Painted | undefined;
  /** the columns an update wrote, after its shift */
  private dirtyFrom = 0;
  private dirtyTo = 0;
  private start = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
    private readonly lut: Uint32Array,
    private readonly colours: CellColours = DEFAULT_CELL_COLOURS,
    pixels: Uint32Array = new Uint32Array(columns * rows),
  ) {
    this.pixels = pixels;
    this.cache = new CellColourCache(lut, colours);
  }

  /**
   * Where the leftmost column on screen sits in each row of `pixels`: the rows are rings, so
   * moving on by a column moves this instead of every word. 0 after a full paint.
   */
  get offset(): number {
    return this.start;
  }

  /** The pixels in screen order, as fillHeatmapPixels lays them out. */
  inScreenOrder(): Uint32Array {
    const { columns, start } = this;
    const out = new Uint32Array(this.pixels.length);
    const runs = ringRuns(start, 0, columns, columns);
    for (let r = 0; r < this.rows; r++) {
      const base = r * columns;
      for (const { at, length, offset } of runs) {
        out.set(this.pixels.subarray(base + at, base + at + length), base + offset);
      }
    }
    return out;
  }

  /** Paints every cell afresh (rows: `plan`'s, or one per server). */
  repaint(store: SeriesStore, g: HeatmapGeometry, plan?: readonly PlanRow[]): void {
    this.painted = this.stateOf(store, g, plan);
    this.start = 0;
    fillHeatmapPixels(this.pixels, store, g, this.lut, this.colours, this.cache, plan);
  }

  private stateOf(store: SeriesStore, g: HeatmapGeometry, plan?: readonly PlanRow[]): Painted {
    return {
      store,
      plan,
      rows: plan ? plan.length : store.servers.length,
      serverList: store.serverListVersion,
      columns: g.columns,
      intervalMs: g.intervalMs,
      newestT: g.newestT,
      newestSeq: store.newestSeq,
      storeNewestT: store.newestT,
      storeOldestT: store.oldestT,
      oldestColumn: store.length > 0 ? columnOfTime(store.oldestT, g) : g.columns,
    };
  }

  /** Brings the pixels up to `store` seen through `g`, and says what changed. */
  update(store: SeriesStore, g: HeatmapGeometry, plan?: readonly PlanRow[]): PixelChange {
    const last = this.painted;
    const next = this.stateOf(store, g, plan);
    this.painted = next;
    const shift = last === undefined ? NaN : (g.newestT - last.newestT) / g.intervalMs;
    if (
      last === undefined ||
      last.store !== store ||
      last.plan !== plan ||
      last.rows !== next.rows ||
      last.serverList !== next.serverList ||
      next.rows !== this.rows ||
      last.columns !== g.columns ||
      g.columns !== this.columns ||
      last.intervalMs !== g.intervalMs ||
      !Number.isInteger(shift) ||
      shift < 0 ||
      shift >= g.columns ||
      !this.stillHolds(store, last)
    ) {
      this.start = 0;
      fillHeatmapPixels(this.pixels, store, g, this.lut, this.colours, this.cache, plan);
      return { kind: 'all' };
    }
    if (
      shift === 0 &&
      next.newestSeq === last.newestSeq &&
      next.oldestColumn === last.oldestColumn &&
      Object.is(next.storeOldestT, last.storeOldestT)
    ) {
      return { kind: 'none' };
    }
    this.dirtyFrom = g.columns;
    this.dirtyTo = 0;
    this.shiftLeft(shift);
    // frames evicted since: their columns, now left of the oldest held frame, go empty
    this.clearColumns(
      Math.max(0, last.oldestColumn - shift),
      Math.min(g.columns, next.oldestColumn),
    );
    // the oldest column may have lost some of its frames: its worst may have gone with them
    if (
      next.storeOldestT !== last.storeOldestT &&
      next.oldestColumn >= 0 &&
      next.oldestColumn < g.columns
    ) {
      this.paintColumn(store, g, next.oldestColumn, this.cache.rowsFor(store, plan));
    }
    this.paintNewFrames(store, g, last, plan);
    return {
      kind: 'shift',
      shift,
      from: this.dirtyFrom,
      to: Math.max(this.dirtyFrom, this.dirtyTo),
    };
  }

  /** Whether the newest frame painted last is still held: the store was not cleared since. */
  private stillHolds(store: SeriesStore, last: Painted): boolean {
    if (last.newestSeq < 0) return false;
    for (let i = store.length - 1; i >= 0; i--) {
      const slot = store.slot(i);
      const seq = store.seqs[slot]!;
      if (seq === last.newestSeq) return store.times[slot] === last.storeNewestT;
      if (seq < last.newestSeq) return false;
    }
    return false;
  }

  private dirty(from: number, to: number): void {
    this.dirtyFrom = Math.min(this.dirtyFrom, from);
    this.dirtyTo = Math.max(this.dirtyTo, to);
  }

  private shiftLeft(k: number): void {
    if (k === 0) return;
    this.start = advanceRingStart(this.start, k, this.columns);
    this.clearColumns(this.columns - k, this.columns);
  }

  /** Screen columns [from, to) to the empty colour. */
  private clearColumns(from: number, to: number): void {
    if (from >= to) return;
    this.dirty(from, to);
    const { columns, start, pixels } = this;
    const empty = this.colours.empty;
    const runs = ringRuns(start, from, to, columns);
    for (let r = 0; r < this.rows; r++) {
      const base = r * columns;
      for (const { at, length } of runs) pixels.fill(empty, base + at, base + at + length);
    }
  }

  /**
   * Paints the columns of the frames the shift brought into view (a view moved on) and of
   * those numbered after the last paint's newest (new), each column afresh from every frame
   * it holds, as a full repaint would.
   */
  private paintNewFrames(
    store: SeriesStore,
    g: HeatmapGeometry,
    last: Painted,
    plan: readonly PlanRow[] | undefined,
  ): void {
    let first = store.length;
    while (first > 0 && store.seqs[store.slot(first - 1)]! > last.newestSeq) first--;
    const half = 0.5 * g.intervalMs;
    if (g.newestT > last.newestT)
      first = Math.min(first, store.countAtOrBefore(last.newestT + half));
    const end = store.countAtOrBefore(g.newestT + half);
    const rows = this.cache.rowsFor(store, plan);
    let painted = -1;
    for (let i = first; i < end; i++) {
      const column = columnOfTime(store.times[store.slot(i)]!, g);
      if (column < 0 || column >= g.columns || column === painted) continue;
      this.paintColumn(store, g, column, rows);
      painted = column;
    }
  }

  /** Screen column `column` afresh: the worst of the frames held in it, per row. */
  private paintColumn(
    store: SeriesStore,
    g: HeatmapGeometry,
    column: number,
    rows: readonly Uint16Array[],
  ): void {
    const centre = timeOfColumn(column, g);
    const slots: number[] = [];
    // a column's frames, found by time with a margin and kept by the column they round to,
    // so the edges fall as they do in a full repaint
    const to = store.countAtOrBefore(centre + g.intervalMs);
    for (let i = store.countAtOrBefore(centre - g.intervalMs); i < to; i++) {
      const slot = store.slot(i);
      if (columnOfTime(store.times[slot]!, g) !== column) continue;
      this.cache.colourSlot(store, slot);
      slots.push(slot);
    }
    this.dirty(column, column + 1);
    const at = ringSlot(this.start, column, g.columns);
    const palette = this.cache.palette;
    for (let r = 0; r < rows.length; r++) {
      const ranks = rows[r]!;
      let worst = RANK_EMPTY;
      for (const slot of slots) worst = Math.max(worst, ranks[slot]!);
      this.pixels[r * g.columns + at] = palette[worst]!;
    }
  }
}
