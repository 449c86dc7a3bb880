import { describe, expect, it } from 'vitest';
import { buildLatencyLut, latencyLutIndex } from '../../core/colour-scale';
import type { Sample } from '../../core/protocol';
import { SeriesStore } from '../../core/series-store';
import {
  CellColourCache,
  DEFAULT_CELL_COLOURS,
  fillHeatmapPixels,
  rgbaWord,
} from './heatmap-pixels';

const lut = buildLatencyLut();
const { empty, idle, down } = DEFAULT_CELL_COLOURS;

/** p95 in ms; 0 = idle (no requests); 'down' = up:false; absent = no sample. */
type Cell = number | 'down';
/** A cell as a test reads it: '.', 'idle', 'down' or the LUT index of its p95. */
type Seen = '.' | 'idle' | 'down' | `lut ${number}`;

function seen(word: number): Seen {
  if (word === empty) return '.';
  if (word === idle) return 'idle';
  if (word === down) return 'down';
  const i = lut.indexOf(word);
  if (i < 0) throw new Error(`pixel ${word.toString(16)} is no colour of the heatmap`);
  return `lut ${i}`;
}

const toSample = (id: string, cell: Cell): Sample =>
  cell === 'down'
    ? { id, requests: 0, latencyMs: null, up: false }
    : cell === 0
      ? { id, requests: 0, latencyMs: null }
      : { id, requests: 10, latencyMs: { p50: cell / 2, p95: cell, p99: cell * 2 } };

const SERVERS = ['web-1', 'web-2', 'web-3'];

/** Paints frames at the given seconds onto a 5-column heatmap whose newest column is `newestS`. */
function paint(
  frames: [seconds: number, cells: Record<string, Cell>][],
  newestS: number,
): Seen[][] {
  const store = new SeriesStore({ capacity: 50, maxAgeMs: 86_400_000 });
  store.setServers(SERVERS.map((id) => ({ id, weight: 1 })));
  frames.forEach(([s, cells], i) =>
    store.push({
      v: 1,
      seq: i + 1,
      t: s * 1000,
      intervalMs: 1000,
      samples: Object.entries(cells).map(([id, cell]) => toSample(id, cell)),
    }),
  );
  const columns = 5;
  // start from garbage: every cell must be painted
  const pixels = new Uint32Array(columns * store.servers.length).fill(0xdeadbeef);
  fillHeatmapPixels(pixels, store, { columns, intervalMs: 1000, newestT: newestS * 1000 }, lut);
  return store.servers.map((_, r) =>
    Array.from(pixels.subarray(r * columns, (r + 1) * columns), seen),
  );
}

const hot = (ms: number): Seen => `lut ${latencyLutIndex(ms)}`;

describe('fillHeatmapPixels', () => {
  it.each<{
    name: string;
    frames: [number, Record<string, Cell>][];
    newestS: number;
    want: Seen[][];
  }>([
    {
      name: 'the newest frame in the rightmost column, each server in its row',
      frames: [
        [1, { 'web-1': 20, 'web-2': 200, 'web-3': 2000 }],
        [2, { 'web-1': 30, 'web-2': 300, 'web-3': 3000 }],
      ],
      newestS: 2,
      want: [
        ['.', '.', '.', hot(20), hot(30)],
        ['.', '.', '.', hot(200), hot(300)],
        ['.', '.', '.', hot(2000), hot(3000)],
      ],
    },
    {
      name: 'idle, empty and down cells',
      frames: [
        [1, { 'web-1': 0, 'web-2': 'down', 'web-3': 50 }],
        [2, { 'web-1': 50, 'web-3': 'down' }],
      ],
      newestS: 2,
      want: [
        ['.', '.', '.', 'idle', hot(50)],
        ['.', '.', '.', 'down', '.'],
        ['.', '.', '.', hot(50), 'down'],
      ],
    },
    {
      name: 'a gap in time leaves empty columns',
      frames: [
        [1, { 'web-1': 20, 'web-2': 20, 'web-3': 20 }],
        [2, { 'web-1': 20, 'web-2': 20, 'web-3': 20 }],
        [5, { 'web-1': 900, 'web-2': 900, 'web-3': 900 }],
      ],
      newestS: 5,
      want: [
        [hot(20), hot(20), '.', '.', hot(900)],
        [hot(20), hot(20), '.', '.', hot(900)],
        [hot(20), hot(20), '.', '.', hot(900)],
      ],
    },
    {
      name: 'frames older than the leftmost column are not drawn',
      frames: [1, 2, 3, 4, 5, 6, 7].map((s) => [s, { 'web-1': s * 100 }]),
      newestS: 7,
      want: [
        [hot(300), hot(400), hot(500), hot(600), hot(700)],
        ['.', '.', '.', '.', '.'],
        ['.', '.', '.', '.', '.'],
      ],
    },
    {
      name: 'a view that ends after the newest frame shifts it left',
      frames: [[10, { 'web-1': 20, 'web-2': 0, 'web-3': 'down' }]],
      newestS: 12,
      want: [
        ['.', '.', hot(20), '.', '.'],
        ['.', '.', 'idle', '.', '.'],
        ['.', '.', 'down', '.', '.'],
      ],
    },
    {
      name: 'a server that appears mid-stream gets its own row, empty before',
      frames: [
        [1, { 'web-1': 20 }],
        [2, { 'web-1': 20, 'web-9': 5000 }],
      ],
      newestS: 2,
      want: [
        ['.', '.', '.', hot(20), hot(20)],
        ['.', '.', '.', '.', '.'],
        ['.', '.', '.', '.', '.'],
        ['.', '.', '.', '.', hot(5000)],
      ],
    },
    {
      name: 'no frames: all empty',
      frames: [],
      newestS: 0,
      want: SERVERS.map(() => Array(5).fill('.')),
    },
  ])('$name', ({ frames, newestS, want }) => {
    expect(paint(frames, newestS)).toEqual(want);
  });

  it('paints slower cells brighter', () => {
    const [row] = paint(
      [
        [1, { 'web-1': 20 }],
        [2, { 'web-1': 2000 }],
      ],
      2,
    );
    expect(row!.slice(3)).toEqual([hot(20), hot(2000)]);
    expect(latencyLutIndex(2000)).toBeGreaterThan(latencyLutIndex(20));
  });

  it('uses the colours it is given', () => {
    const store = new SeriesStore({ capacity: 4, maxAgeMs: 60_000 });
    store.push({
      v: 1,
      seq: 1,
      t: 1000,
      intervalMs: 1000,
      samples: [toSample('a', 0), toSample('b', 'down')],
    });
    const colours = { empty: rgbaWord(1, 2, 3), idle: rgbaWord(4, 5, 6), down: rgbaWord(7, 8, 9) };
    const pixels = new Uint32Array(2 * 2);
    fillHeatmapPixels(pixels, store, { columns: 2, intervalMs: 1000, newestT: 1000 }, lut, colours);
    expect(Array.from(pixels)).toEqual([colours.empty, colours.idle, colours.empty, colours.down]);
  });
});

describe('CellColourCache', () => {
  const lutOf = buildLatencyLut();
  const frameAt = (seq: number, p95: number) => ({
    v: 1 as const,
    seq,
    t: seq * 1000,
    intervalMs: 1000,
    samples: [
      { id: 'a', requests: 10, latencyMs: { p50: p95 / 2, p95, p99: p95 * 2 } },
      { id: 'b', requests: 0, latencyMs: null },
    ],
  });

  it('paints what a fresh colouring paints, through ring wraps and a server added later', () => {
    const store = new SeriesStore({ capacity: 5, maxAgeMs: Infinity });
    const cache = new CellColourCache(lutOf);
    const g = (newestT: number) => ({ columns: 6, intervalMs: 1000, newestT });
    for (let seq = 1; seq <= 13; seq++) {
      store.push(frameAt(seq, 20 * seq));
      if (seq === 9)
        store.push({
          ...frameAt(10, 500),
          samples: [{ id: 'c', requests: 1, latencyMs: { p50: 1, p95: 9000, p99: 9000 } }],
        });
      if (seq === 9) seq++;
      const cached = new Uint32Array(6 * store.servers.length);
      const fresh = new Uint32Array(6 * store.servers.length);
      fillHeatmapPixels(cached, store, g(store.newestT), lutOf, DEFAULT_CELL_COLOURS, cache);
      fillHeatmapPixels(fresh, store, g(store.newestT), lutOf);
      expect([...cached]).toEqual([...fresh]);
    }
  });
});
