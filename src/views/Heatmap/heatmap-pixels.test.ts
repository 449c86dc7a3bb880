import { describe, expect, it } from 'vitest';
import { buildLatencyLut, latencyLutIndex } from '../../core/format/colour-scale';
import type { Sample } from '../../core/protocol/protocol';
import { SeriesStore } from '../../core/series/series-store';
import {
  CellColourCache,
  DEFAULT_CELL_COLOURS,
  fillHeatmapPixels,
  HeatmapPixels,
  rgbaWord,
} from './heatmap-pixels';
import type { PlanRow } from './row-plan';

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
  columnS = 1,
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
  const g = { columns, intervalMs: columnS * 1000, newestT: newestS * 1000 };
  fillHeatmapPixels(pixels, store, g, lut);
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

  it('a column of several frames (a long window) shows its worst, wherever it falls', () => {
    // columns of 3 s: the rightmost holds 8, 9 and 10 s
    const rows = paint(
      [
        [8, { 'web-1': 20, 'web-2': 20, 'web-3': 0 }],
        [9, { 'web-1': 2000, 'web-2': 'down', 'web-3': 0 }],
        [10, { 'web-1': 30, 'web-2': 40, 'web-3': 50 }],
      ],
      10,
      3,
    );
    expect(rows.map((row) => row[4])).toEqual([hot(2000), 'down', hot(50)]);
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

describe('HeatmapPixels, kept up to date frame by frame', () => {
  const lutOf = buildLatencyLut();
  const COLUMNS = 12;
  const INTERVAL = 1000;

  /** A seeded run of what a live page and a review do, checked against a full repaint. */
  function run(seed: number, framesPerColumn = 1) {
    let state = seed;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state / 2 ** 31);
    const store = new SeriesStore({ capacity: 16, maxAgeMs: 14 * INTERVAL });
    store.setServers(['a', 'b', 'c'].map((id) => ({ id, weight: 1 })));
    let pixels = new HeatmapPixels(COLUMNS, 3, lutOf);
    // the servers sampled now: one now and then replaced by a new one, whose row the old
    // one's leaves once its last sample is evicted (pods that come and go)
    const live = ['a', 'b', 'c'];
    let seq = 0;
    let t = 0;
    let pinned: number | undefined;
    const kinds: string[] = [];
    for (let step = 0; step < 300; step++) {
      const roll = random();
      if (roll < 0.6) {
        // a frame, now and then after a gap in time or in numbering, some servers silent
        t += INTERVAL * (random() < 0.1 ? 3 : 1);
        seq += random() < 0.1 ? 2 : 1;
        const samples = live
          .filter(() => random() < 0.8)
          .map((id) => {
            const p95 = 5 + random() * 3000;
            return random() < 0.1
              ? { id, requests: 0, latencyMs: null, up: random() < 0.5 }
              : { id, requests: 10, latencyMs: { p50: p95 / 2, p95, p99: p95 * 2 } };
          });
        store.push({ v: 1, seq, t, intervalMs: INTERVAL, samples });
        kinds.push('frame');
      } else if (roll < 0.75) {
        // a pinned view moves: by whole columns, or by part of one
        pinned = t - Math.floor(random() * 8) * INTERVAL - (random() < 0.3 ? 400 : 0);
        kinds.push('pin');
      } else if (roll < 0.85) {
        pinned = undefined;
        kinds.push('follow');
      } else if (roll < 0.88) {
        // another gateway: the store forgets its frames and numbering starts again, maybe
        // above the old numbers, and its first frames come in before the next paint
        store.clearFrames();
        seq = random() < 0.5 ? 0 : seq + 5;
        // whose clock may be behind the old one's
        if (random() < 0.5) t -= 6 * INTERVAL;
        for (let n = 0; n < 3; n++) {
          t += INTERVAL;
          store.push({
            v: 1,
            seq: ++seq,
            t,
            intervalMs: INTERVAL,
            samples: [{ id: 'a', requests: 1, latencyMs: { p50: 1, p95: 50 * seq, p99: 9999 } }],
          });
        }
        kinds.push('clear');
      } else if (roll < 0.9 && store.servers.length < 4) {
        store.setServers([{ id: 'd', weight: 1 }]);
        kinds.push('server');
      } else if (roll < 0.93) {
        live[Math.floor(random() * live.length)] = `pod-${step}`;
        kinds.push('churn');
      } else kinds.push('repaint');
      const g = {
        columns: COLUMNS,
        intervalMs: INTERVAL * framesPerColumn,
        newestT: pinned ?? store.newestT,
      };
      if (Number.isNaN(g.newestT)) continue;
      // as HeatmapCanvas does: pixels for as many rows as there are servers
      if (pixels.rows !== store.servers.length) {
        pixels = new HeatmapPixels(COLUMNS, store.servers.length, lutOf);
      }
      pixels.update(store, g);
      const fresh = new Uint32Array(COLUMNS * store.servers.length);
      fillHeatmapPixels(fresh, store, g, lutOf);
      expect(
        [...pixels.inScreenOrder()],
        `seed ${seed}, step ${step} (${kinds.join(' ')})`,
      ).toEqual([...fresh]);
    }
    return kinds;
  }

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('equals a full repaint after every step (seed %i)', (seed) => {
    const kinds = run(seed);
    // the run took every path
    for (const kind of ['frame', 'pin', 'follow', 'clear', 'churn']) expect(kinds).toContain(kind);
  });

  it.each([1, 2, 3, 4])(
    'equals a full repaint after every step with columns of 3 frames (seed %i)',
    (seed) => {
      const kinds = run(seed, 3);
      for (const kind of ['frame', 'pin', 'follow', 'clear']) expect(kinds).toContain(kind);
    },
  );

  it('a server dropped as another comes, as many rows, repaints every row', () => {
    const store = new SeriesStore({ capacity: 3, maxAgeMs: Infinity });
    const pixels = new HeatmapPixels(COLUMNS, 2, lutOf);
    const push = (seq: number, ids: string[], p95: number) =>
      store.push({
        v: 1,
        seq,
        t: seq * INTERVAL,
        intervalMs: INTERVAL,
        samples: ids.map((id) => ({ id, requests: 1, latencyMs: { p50: 1, p95, p99: p95 } })),
      });
    const g = () => ({ columns: COLUMNS, intervalMs: INTERVAL, newestT: store.newestT });
    push(1, ['a', 'gone'], 10);
    push(2, ['a', 'gone'], 10);
    push(3, ['a'], 10);
    pixels.update(store, g());
    // frame 2, gone's last, leaves as 'new' comes: two rows still, the second another server
    push(4, ['a', 'new'], 20);
    push(5, ['a', 'new'], 20);
    expect(store.servers.map((s) => s.id)).toEqual(['a', 'new']);
    expect(pixels.update(store, g())).toEqual({ kind: 'all' });
    const fresh = new Uint32Array(COLUMNS * 2);
    fillHeatmapPixels(fresh, store, g(), lutOf);
    expect([...pixels.inScreenOrder()]).toEqual([...fresh]);
  });

  it('moving on by one column paints only the new column', () => {
    const store = new SeriesStore({ capacity: 100, maxAgeMs: Infinity });
    store.setServers([{ id: 'a', weight: 1 }]);
    const pixels = new HeatmapPixels(COLUMNS, 1, lutOf);
    const push = (seq: number, p95: number) =>
      store.push({
        v: 1,
        seq,
        t: seq * INTERVAL,
        intervalMs: INTERVAL,
        samples: [{ id: 'a', requests: 1, latencyMs: { p50: 1, p95, p99: p95 } }],
      });
    for (let seq = 0; seq < 20; seq++) push(seq, 10);
    pixels.update(store, { columns: COLUMNS, intervalMs: INTERVAL, newestT: store.newestT });
    // a cell changed behind the painter's back stays as painted: only new frames are read
    store.server('a')!.p95[store.slot(store.length - 5)] = 5000;
    push(20, 9000);
    pixels.update(store, { columns: COLUMNS, intervalMs: INTERVAL, newestT: store.newestT });
    const row = [...pixels.inScreenOrder()].map(seen);
    expect(row.at(-1)).toBe(`lut ${latencyLutIndex(9000)}`);
    expect(new Set(row.slice(0, -1))).toEqual(new Set([`lut ${latencyLutIndex(10)}`]));
  });
});

describe('fillHeatmapPixels with a row plan', () => {
  /** web-1..web-3 as one band, web-2 also on its own row above it */
  const plan: PlanRow[] = [
    { kind: 'server', id: 'web-2' },
    { kind: 'band', pool: 'web', ids: ['web-1', 'web-2', 'web-3', 'gone'], unfolded: false },
  ];

  function paintPlan(frames: Record<string, Sample>[]): Seen[][] {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: 86_400_000 });
    store.setServers(SERVERS.map((id) => ({ id, weight: 1 })));
    frames.forEach((samples, i) =>
      store.push({
        v: 1,
        seq: i + 1,
        t: (i + 1) * 1000,
        intervalMs: 1000,
        samples: Object.values(samples),
      }),
    );
    const columns = frames.length;
    const pixels = new Uint32Array(columns * plan.length).fill(0xdeadbeef);
    const g = { columns, intervalMs: 1000, newestT: frames.length * 1000 };
    fillHeatmapPixels(pixels, store, g, lut, DEFAULT_CELL_COLOURS, undefined, plan);
    return plan.map((_, r) => Array.from(pixels.subarray(r * columns, (r + 1) * columns), seen));
  }
  const busy = (id: string, requests: number, p95: number): Sample => ({
    id,
    requests,
    latencyMs: { p50: p95 / 2, p95, p99: p95 * 2 },
  });

  it('paints a band as the request-weighted p95 of its servers, and the others as ever', () => {
    const rows = paintPlan([
      // most requests at 40 ms: the band is 40 ms
      { a: busy('web-1', 500, 40), b: busy('web-2', 10, 3000), c: busy('web-3', 500, 40) },
      // a tenth of them at 900 ms: past the 95th percentile, the band shows 900 ms
      { a: busy('web-1', 450, 40), b: busy('web-2', 100, 900), c: busy('web-3', 450, 40) },
      // one idle, one down, one silent
      { a: busy('web-1', 0, NaN), b: { id: 'web-2', requests: 0, latencyMs: null, up: false } },
      // every sampled server down
      { b: { id: 'web-2', requests: 0, latencyMs: null, up: false } },
      {},
    ]);
    expect(rows).toEqual([
      [hot(3000), hot(900), 'down', 'down', '.'],
      [hot(40), hot(900), 'idle', 'down', '.'],
    ]);
  });

  it('keeps the same pixels frame by frame as a full paint, with the same plan', () => {
    const store = new SeriesStore({ capacity: 8, maxAgeMs: 86_400_000 });
    store.setServers(SERVERS.map((id) => ({ id, weight: 1 })));
    const g = (newestT: number) => ({ columns: 6, intervalMs: 1000, newestT });
    const pixels = new HeatmapPixels(6, plan.length, lut);
    for (let i = 1; i <= 12; i++) {
      store.push({
        v: 1,
        seq: i,
        t: i * 1000,
        intervalMs: 1000,
        samples: SERVERS.map((id, k) => busy(id, 10 + k * i, 20 * (k + 1) * i)),
      });
      pixels.update(store, g(i * 1000), plan);
      const fresh = new Uint32Array(6 * plan.length);
      fillHeatmapPixels(fresh, store, g(i * 1000), lut, DEFAULT_CELL_COLOURS, undefined, plan);
      expect([...pixels.inScreenOrder()]).toEqual([...fresh]);
    }
  });
});
