import { describe, expect, it } from 'vitest';
import type { Sample, ServerInfo } from './protocol';
import { SeriesStore } from './series-store';
import { summarizeShares, type ServerShare } from './share-summary';

/** [requests, p95, errors?, up?] of one server in one frame. */
type Cell = [requests: number, p95: number, errors?: number, up?: boolean];

const toSample = (id: string, [requests, p95, errors, up]: Cell): Sample => ({
  id,
  requests,
  latencyMs: requests === 0 ? null : { p50: p95 / 2, p95, p99: p95 * 2 },
  ...(errors !== undefined && { errors }),
  ...(up !== undefined && { up }),
});

/** A store fed `frames`, each a map of server id to its cell (absent = no sample). */
function storeOf(servers: ServerInfo[], frames: Record<string, Cell>[]): SeriesStore {
  const store = new SeriesStore({ capacity: 100, maxAgeMs: 86_400_000 });
  store.setServers(servers);
  frames.forEach((cells, i) =>
    store.push({
      v: 1,
      seq: i + 1,
      t: (i + 1) * 1000,
      intervalMs: 1000,
      samples: Object.entries(cells).map(([id, cell]) => toSample(id, cell)),
    }),
  );
  return store;
}

const even = (...ids: string[]): ServerInfo[] => ids.map((id) => ({ id, weight: 1 }));

/** Matches numbers to 9 places; NaN and Infinity exactly. */
const close = (row: Partial<ServerShare>) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === 'number' && Number.isFinite(v) ? expect.closeTo(v, 9) : v,
    ]),
  );

describe('summarizeShares', () => {
  it.each<{
    name: string;
    servers: ServerInfo[];
    frames: Record<string, Cell>[];
    window: number;
    want: Partial<ServerShare>[];
  }>([
    {
      name: 'sums requests over the last n frames only',
      servers: even('a', 'b'),
      frames: [
        { a: [1000, 50], b: [0, 0] },
        { a: [30, 50], b: [10, 50] },
        { a: [30, 50], b: [10, 50] },
      ],
      window: 2,
      want: [
        { id: 'a', requests: 60, share: 0.75, expected: 0.5, ratio: 1.5 },
        { id: 'b', requests: 20, share: 0.25, expected: 0.5, ratio: 0.5 },
      ],
    },
    {
      name: 'a window larger than the store uses every frame',
      servers: even('a', 'b'),
      frames: [
        { a: [10, 50], b: [10, 50] },
        { a: [30, 50], b: [10, 50] },
      ],
      window: 60,
      want: [
        { id: 'a', requests: 40, share: 2 / 3 },
        { id: 'b', requests: 20, share: 1 / 3 },
      ],
    },
    {
      name: 'unequal weights 3:1:1 with equal traffic',
      servers: [
        { id: 'a', weight: 3 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 1 },
      ],
      frames: [{ a: [100, 50], b: [100, 50], c: [100, 50] }],
      window: 10,
      want: [
        { id: 'a', share: 1 / 3, expected: 0.6, ratio: 5 / 9 },
        { id: 'b', share: 1 / 3, expected: 0.2, ratio: 5 / 3 },
        { id: 'c', share: 1 / 3, expected: 0.2, ratio: 5 / 3 },
      ],
    },
    {
      name: 'p95 is weighted by requests; idle frames do not count',
      servers: even('a'),
      frames: [{ a: [100, 100] }, { a: [300, 200] }, { a: [0, 0] }],
      window: 10,
      want: [{ id: 'a', requests: 400, p95: 175 }],
    },
    {
      name: 'error rate is errors over requests in the window',
      servers: even('a', 'b'),
      frames: [
        { a: [100, 50, 4], b: [100, 50] },
        { a: [100, 50, 6], b: [100, 50, 0] },
      ],
      window: 10,
      want: [
        { id: 'a', errorRate: 0.05 },
        { id: 'b', errorRate: 0 },
      ],
    },
    {
      name: 'down in the newest frame: expected 0, its share spread over the rest',
      servers: [
        { id: 'a', weight: 2 },
        { id: 'b', weight: 1 },
        { id: 'c', weight: 1 },
      ],
      frames: [
        { a: [100, 50], b: [50, 50], c: [50, 50] },
        { a: [0, 0, 0, false], b: [100, 50], c: [100, 50] },
      ],
      window: 2,
      want: [
        { id: 'a', up: false, share: 0.25, expected: 0, ratio: Infinity },
        { id: 'b', up: true, share: 0.375, expected: 0.5, ratio: 0.75 },
        { id: 'c', up: true, share: 0.375, expected: 0.5, ratio: 0.75 },
      ],
    },
    {
      name: 'no traffic: share NaN, p95 NaN, error rate 0',
      servers: even('a', 'b'),
      frames: [{ a: [0, 0], b: [0, 0] }],
      window: 10,
      want: [
        { id: 'a', requests: 0, share: NaN, expected: 0.5, ratio: NaN, p95: NaN, errorRate: 0 },
        { id: 'b', requests: 0, share: NaN, expected: 0.5, ratio: NaN, p95: NaN, errorRate: 0 },
      ],
    },
    {
      name: 'an empty store: weights from hello, everyone up',
      servers: [
        { id: 'a', label: 'Alpha', weight: 3 },
        { id: 'b', weight: 1 },
      ],
      frames: [],
      window: 10,
      want: [
        { id: 'a', label: 'Alpha', up: true, requests: 0, share: NaN, expected: 0.75 },
        { id: 'b', label: 'b', up: true, requests: 0, share: NaN, expected: 0.25 },
      ],
    },
  ])('$name', ({ servers, frames, window, want }) => {
    const rows = summarizeShares(storeOf(servers, frames), window);
    expect(rows).toHaveLength(want.length);
    rows.forEach((row, i) => expect(row).toMatchObject(close(want[i]!)));
  });

  it('takes a weight a sample carries in the newest frame', () => {
    const store = storeOf(even('a', 'b'), [{ a: [50, 50], b: [50, 50] }]);
    store.push({
      v: 1,
      seq: 2,
      t: 2000,
      intervalMs: 1000,
      samples: [{ ...toSample('a', [50, 50]), weight: 3 }, toSample('b', [50, 50])],
    });
    expect(summarizeShares(store, 10).map((r) => r.expected)).toEqual([0.75, 0.25]);
  });
});

describe('summarizeShares up to a moment (a pinned view)', () => {
  // frames at t = 1000, 2000, 3000, 4000: a skewed middle, even ends
  const store = storeOf(even('a', 'b'), [
    { a: [50, 10], b: [50, 10] },
    { a: [90, 10], b: [10, 10] },
    { a: [80, 10], b: [20, 10] },
    { a: [50, 10], b: [50, 10] },
  ]);
  it.each([
    { endT: Infinity, frames: 1, a: 0.5 },
    { endT: 3000, frames: 1, a: 0.8 },
    { endT: 3500, frames: 2, a: 0.85 },
    { endT: 2000, frames: 5, a: (50 + 90) / 200 },
    { endT: 999, frames: 5, a: NaN },
  ])('ending at $endT over $frames frames, a gets $a', ({ endT, frames, a }) => {
    const [rowA] = summarizeShares(store, frames, endT);
    if (Number.isNaN(a)) expect(rowA!.share).toBeNaN();
    else expect(rowA!.share).toBeCloseTo(a, 9);
  });

  it.each([
    [0, 0],
    [999, 0],
    [1000, 1],
    [2500, 2],
    [4000, 4],
    [9999, 4],
  ])('countAtOrBefore(%i) is %i', (t, n) => {
    expect(store.countAtOrBefore(t)).toBe(n);
  });
});
