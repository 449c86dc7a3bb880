import { describe, expect, it } from 'vitest';
import type { ServerInfo } from './protocol';
import { poolShares } from './pool-shares';
import { SeriesStore } from './series-store';

const T0 = Date.UTC(2024, 4, 15, 13, 30);

/** A store with `servers` and one frame per row of requests (a negative count: down). */
function storeOf(servers: ServerInfo[], frames: number[][]): SeriesStore {
  const store = new SeriesStore({ capacity: 100, maxAgeMs: Infinity });
  store.setServers(servers);
  frames.forEach((requests, seq) =>
    store.push({
      v: 1,
      seq,
      t: T0 + seq * 1000,
      intervalMs: 1000,
      samples: servers.map((s, i) => ({
        id: s.id,
        requests: Math.max(0, requests[i]!),
        latencyMs: null,
        up: requests[i]! >= 0,
      })),
    }),
  );
  return store;
}

const round = (rows: ReturnType<typeof poolShares>) =>
  rows.map((r) => [r.id, r.pool, +r.share.toFixed(3), +r.expected.toFixed(3)]);

describe('poolShares', () => {
  it.each([
    {
      name: 'one pool without a name: shares of all traffic',
      servers: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 3 },
      ],
      frames: [[50, 50]],
      window: 10,
      want: [
        ['a', '', 0.5, 0.25],
        ['b', '', 0.5, 0.75],
      ],
    },
    {
      name: 'two pools: each splits its own traffic',
      servers: [
        { id: 'a', weight: 1, pool: 'web' },
        { id: 'b', weight: 1, pool: 'web' },
        { id: 'c', weight: 1, pool: 'api' },
      ],
      frames: [[30, 10, 1000]],
      window: 10,
      want: [
        ['a', 'web', 0.75, 0.5],
        ['b', 'web', 0.25, 0.5],
        ['c', 'api', 1, 1],
      ],
    },
    {
      name: 'only the window counts, and a server down now is expected to get nothing',
      servers: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
      ],
      frames: [
        [1000, 0],
        [10, 10],
        [20, -1],
      ],
      window: 2,
      want: [
        ['a', '', 0.75, 1],
        ['b', '', 0.25, 0],
      ],
    },
    {
      name: 'no traffic: no observed share',
      servers: [{ id: 'a', weight: 1 }],
      frames: [[0]],
      window: 10,
      want: [['a', '', NaN, 1]],
    },
  ])('$name', ({ servers, frames, window, want }) => {
    expect(round(poolShares(storeOf(servers, frames), window))).toEqual(want);
  });
});
