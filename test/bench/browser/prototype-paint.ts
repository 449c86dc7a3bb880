/**
 * A sketch of the design the heatmap benchmark's figures point to, NOT the app's code: each
 * cell's colour worked out once, when its frame is pushed, and kept as a word per ring slot;
 * the canvas holds one pixel per cell and the compositor scales it up (CSS `pixelated`). A new
 * column shifts the cell buffer one word left, writes the column, and puts the buffer back
 * (a canvas that scrolls itself with drawImage costs ~1.5 ms more when it is rasterised).
 */
import { latencyLutIndex } from '../../../src/core/colour-scale';
import type { SeriesStore } from '../../../src/core/series-store';
import { columnOfTime, type HeatmapGeometry } from '../../../src/views/Heatmap/heatmap-geometry';
import { DEFAULT_CELL_COLOURS as C } from '../../../src/views/Heatmap/heatmap-pixels';

export class ColourCache {
  /** per server, the colour word of each ring slot */
  readonly words: Uint32Array[];

  constructor(
    private readonly store: SeriesStore,
    private readonly lut: Uint32Array,
  ) {
    this.words = store.servers.map(() => new Uint32Array(store.capacity));
    for (let i = 0; i < store.length; i++) this.colourSlot(store.slot(i));
  }

  /** after a push: colours the newest slot */
  pushed(): void {
    this.colourSlot(this.store.slot(this.store.length - 1));
  }

  // as heatmap-pixels.ts colours a cell
  private colourSlot(slot: number): void {
    this.store.servers.forEach((s, r) => {
      const requests = s.requests[slot]!;
      const p95 = s.p95[slot]!;
      this.words[r]![slot] =
        s.up[slot] === 0
          ? C.down
          : Number.isNaN(requests)
            ? C.empty
            : requests === 0 || Number.isNaN(p95)
              ? C.idle
              : this.lut[latencyLutIndex(p95)]!;
    });
  }

  /** the whole picture from the cached words, a row at a time */
  fill(pixels: Uint32Array, g: HeatmapGeometry): void {
    const { store } = this;
    const slots = new Int32Array(store.length);
    const columns = new Int32Array(store.length);
    for (let i = 0; i < store.length; i++) {
      slots[i] = store.slot(i);
      columns[i] = columnOfTime(store.times[slots[i]!]!, g);
    }
    pixels.fill(C.empty);
    for (let r = 0; r < this.words.length; r++) {
      const words = this.words[r]!;
      const row = r * g.columns;
      for (let i = 0; i < slots.length; i++) {
        const column = columns[i]!;
        if (column >= 0 && column < g.columns) pixels[row + column] = words[slots[i]!]!;
      }
    }
  }

  /**
   * The picture one interval on: everything moves a cell left and the newest slot fills the
   * right-hand column (the word that wraps into each row's end is overwritten by it).
   */
  shift(pixels: Uint32Array, columns: number): void {
    const slot = this.store.slot(this.store.length - 1);
    pixels.copyWithin(0, 1);
    for (let r = 0; r < this.words.length; r++)
      pixels[r * columns + columns - 1] = this.words[r]![slot]!;
  }
}
