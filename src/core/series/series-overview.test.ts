import { describe, expect, it } from 'vitest';
import type { Frame, Sample } from '../protocol/protocol';
import {
  OVERVIEW_DOWN,
  OVERVIEW_EMPTY,
  OVERVIEW_IDLE,
  overviewOfSeries,
  sliceOfTime,
} from './series-overview';
import { SeriesStore } from './series-store';

/** a sample: its p95, 'idle' (no requests), 'down', or undefined for no sample at all */
type Cell = number | 'idle' | 'down' | undefined;

const sample = (id: string, cell: Cell): Sample[] => {
  if (cell === undefined) return [];
  if (cell === 'idle') return [{ id, requests: 0, latencyMs: null }];
  if (cell === 'down') return [{ id, requests: 0, latencyMs: null, up: false }];
  return [{ id, requests: 100, latencyMs: { p50: cell / 2, p95: cell, p99: cell * 2 } }];
};

/** A store of one frame per column of `rows` (server id -> its cells), one second apart from t = 1000. */
function storeOf(rows: Record<string, Cell[]>, capacity = 64): SeriesStore {
  const store = new SeriesStore({ capacity, maxAgeMs: Infinity });
  const ids = Object.keys(rows);
  store.setServers(ids.map((id) => ({ id, weight: 1 })));
  const frames = Math.max(...ids.map((id) => rows[id]!.length));
  for (let i = 0; i < frames; i++) {
    const frame: Frame = {
      v: 1,
      seq: i,
      t: (i + 1) * 1000,
      intervalMs: 1000,
      samples: ids.flatMap((id) => sample(id, rows[id]![i])),
    };
    store.push(frame);
  }
  return store;
}

/** the overview's rows as plain arrays, marks spelled out */
function cellsOf(store: SeriesStore, from: number, to: number, slices: number) {
  const o = overviewOfSeries(store, from, to, slices);
  const word = (v: number) =>
    v === OVERVIEW_EMPTY ? '-' : v === OVERVIEW_IDLE ? 'idle' : v === OVERVIEW_DOWN ? 'down' : v;
  return Object.fromEntries(
    o.servers.map((id, r) => [
      id,
      Array.from(o.cells.subarray(r * o.slices, (r + 1) * o.slices), word),
    ]),
  );
}

describe('sliceOfTime', () => {
  it.each([
    { t: 0, from: 0, to: 100, slices: 4, want: 0 },
    { t: 24.9, from: 0, to: 100, slices: 4, want: 0 },
    { t: 25, from: 0, to: 100, slices: 4, want: 1 },
    { t: 99.9, from: 0, to: 100, slices: 4, want: 3 },
    // the last instant belongs to the last slice, not to one past it
    { t: 100, from: 0, to: 100, slices: 4, want: 3 },
    { t: -1, from: 0, to: 100, slices: 4, want: -1 },
    { t: 101, from: 0, to: 100, slices: 4, want: -1 },
    { t: NaN, from: 0, to: 100, slices: 4, want: -1 },
    { t: 50, from: 50, to: 50, slices: 4, want: 0 },
  ])('$t in [$from, $to] / $slices -> $want', ({ t, from, to, slices, want }) => {
    expect(sliceOfTime(t, from, to, slices)).toBe(want);
  });
});

describe('overviewOfSeries: the worst of each slice', () => {
  it.each([
    {
      name: 'one frame per slice: the p95s as they are',
      rows: { a: [10, 20, 30, 40] },
      slices: 4,
      want: { a: [10, 20, 30, 40] },
    },
    {
      name: 'two frames per slice: the larger p95',
      rows: { a: [10, 90, 30, 20] },
      slices: 2,
      want: { a: [90, 30] },
    },
    {
      name: 'down beats any latency in the slice; latency beats idle',
      rows: { a: [5000, 'down', 'idle', 40], b: ['idle', 'idle', 12, 'idle'] },
      slices: 2,
      want: { a: ['down', 40], b: ['idle', 12] },
    },
    {
      name: 'a slice with no sample of a server is empty for it',
      rows: { a: [10, 20, 30, 40], b: [undefined, undefined, 7, 8] },
      slices: 2,
      want: { a: [20, 40], b: ['-', 8] },
    },
    {
      name: 'more slices than frames: the slices between frames stay empty',
      rows: { a: [10, 20, 30] },
      slices: 5,
      want: { a: [10, '-', 20, '-', 30] },
    },
    {
      name: 'one slice: the worst of the whole recording',
      rows: { a: [10, 700, 30], b: ['idle', 'idle', 'idle'] },
      slices: 1,
      want: { a: [700], b: ['idle'] },
    },
  ])('$name', ({ rows, slices, want }) => {
    const store = storeOf(rows as Record<string, Cell[]>);
    const to = Math.max(...Object.values(rows).map((r) => r.length)) * 1000;
    expect(cellsOf(store, 1000, to, slices)).toEqual(want);
  });

  it('reads only the frames in [from, to]', () => {
    const store = storeOf({ a: [999, 10, 20, 30, 999] });
    expect(cellsOf(store, 2000, 4000, 3)).toEqual({ a: [10, 20, 30] });
  });

  it('reads a ring that has wrapped in time order', () => {
    // capacity 4 after 6 frames: the oldest held sits in the middle of the ring
    const store = storeOf({ a: [1, 2, 30, 40, 50, 60] }, 4);
    expect(store.slot(0)).not.toBe(0);
    expect(cellsOf(store, 3000, 6000, 4)).toEqual({ a: [30, 40, 50, 60] });
  });

  it('gives every server a row and the span it was asked for, with nothing held', () => {
    const store = new SeriesStore({ capacity: 8, maxAgeMs: Infinity });
    store.setServers([
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
    ]);
    const o = overviewOfSeries(store, 0, 1000, 3);
    expect(o).toMatchObject({ from: 0, to: 1000, slices: 3, servers: ['a', 'b'] });
    expect([...o.cells]).toEqual(new Array(6).fill(OVERVIEW_EMPTY));
  });

  it('takes at least one slice', () => {
    const store = storeOf({ a: [10, 20] });
    expect(overviewOfSeries(store, 1000, 2000, 0).slices).toBe(1);
    expect(cellsOf(store, 1000, 2000, 0.5)).toEqual({ a: [20] });
  });
});
