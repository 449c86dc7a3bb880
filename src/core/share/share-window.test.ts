import { describe, expect, it } from 'vitest';
import type { Frame, ServerInfo } from '../protocol/protocol';
import { SeriesStore } from '../series/series-store';
import { shareWindow } from './share-window';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const SEC = 1000;

/** One frame a second: each row a frame's requests by server (negative: down, null: no sample). */
function storeOf(
  servers: ServerInfo[],
  frames: (number | null)[][],
  weights: (number | undefined)[][] = [],
): SeriesStore {
  const store = new SeriesStore({ capacity: 100, maxAgeMs: Infinity });
  store.setServers(servers);
  frames.forEach((requests, seq) => store.push(frameOf(servers, seq, requests, weights[seq])));
  return store;
}

function frameOf(
  servers: ServerInfo[],
  seq: number,
  requests: (number | null)[],
  weights: (number | undefined)[] = [],
): Frame {
  return {
    v: 1,
    seq,
    t: T0 + (seq + 1) * SEC,
    intervalMs: SEC,
    samples: servers.flatMap((s, i) => {
      const r = requests[i];
      if (r === null || r === undefined) return [];
      const w = weights[i];
      return [
        {
          id: s.id,
          requests: Math.max(0, r),
          latencyMs: null,
          up: r >= 0,
          ...(w !== undefined && { weight: w }),
        },
      ];
    }),
  };
}

const web = (id: string, weight = 1): ServerInfo => ({ id, pool: 'web', weight });
const api = (id: string, weight = 1): ServerInfo => ({ id, pool: 'api', weight });

type Got = [id: string, pool: string, share: number, expected: number, ratio: number];
const round = (x: number) => (Number.isFinite(x) ? +x.toFixed(3) : x);
const got = (store: SeriesStore, windowMs: number, endT?: number): Got[] =>
  shareWindow(store, windowMs, endT).shares.map((r) => [
    r.id,
    r.pool,
    round(r.share),
    round(r.expected),
    round(r.ratio),
  ]);

describe('shareWindow', () => {
  it.each<{
    name: string;
    servers: ServerInfo[];
    frames: (number | null)[][];
    weights?: (number | undefined)[][];
    windowMs: number;
    endT?: number;
    want: Got[];
  }>([
    {
      name: 'each pool split on its own: a small pool is not dwarfed by a big one',
      servers: [web('a'), web('b'), api('x'), api('y')],
      frames: [[300, 100, 10, 10]],
      windowMs: 20 * SEC,
      want: [
        ['a', 'web', 0.75, 0.5, 1.5],
        ['b', 'web', 0.25, 0.5, 0.5],
        ['x', 'api', 0.5, 0.5, 1],
        ['y', 'api', 0.5, 0.5, 1],
      ],
    },
    {
      name: 'only the frames inside the window: the one 2 s old is out of a 2 s window',
      servers: [web('a'), web('b')],
      frames: [
        [1000, 0],
        [100, 100],
        [100, 100],
      ],
      windowMs: 2 * SEC,
      want: [
        ['a', 'web', 0.5, 0.5, 1],
        ['b', 'web', 0.5, 0.5, 1],
      ],
    },
    {
      name: 'a frame exactly windowMs before the end is out, one just inside is in',
      servers: [web('a'), web('b')],
      frames: [
        [1000, 0],
        [100, 100],
        [100, 100],
      ],
      windowMs: 2 * SEC + 1,
      want: [
        ['a', 'web', 0.857, 0.5, 1.714],
        ['b', 'web', 0.143, 0.5, 0.286],
      ],
    },
    {
      name: 'a window ending at a pinned time ignores the frames after it',
      servers: [web('a'), web('b')],
      frames: [
        [300, 100],
        [100, 100],
      ],
      windowMs: 1 * SEC,
      endT: T0 + SEC,
      want: [
        ['a', 'web', 0.75, 0.5, 1.5],
        ['b', 'web', 0.25, 0.5, 0.5],
      ],
    },
    {
      name: 'no traffic: no share, the expected share from the weights',
      servers: [web('a', 3), web('b', 1)],
      frames: [[0, 0]],
      windowMs: 20 * SEC,
      want: [
        ['a', 'web', NaN, 0.75, NaN],
        ['b', 'web', NaN, 0.25, NaN],
      ],
    },
    {
      name: 'weights split the expected share; a down server expects nothing',
      servers: [web('a', 2), web('b', 1), web('c', 1)],
      frames: [[200, 100, -1]],
      windowMs: 20 * SEC,
      want: [
        ['a', 'web', 0.667, 0.667, 1],
        ['b', 'web', 0.333, 0.333, 1],
        ['c', 'web', 0, 0, NaN],
      ],
    },
    {
      name: 'a weight changed mid-window counts for the frames it held',
      servers: [web('a'), web('b')],
      frames: [
        [100, 100],
        [100, 100],
      ],
      weights: [[], [3, 1]],
      windowMs: 20 * SEC,
      want: [
        ['a', 'web', 0.5, 0.625, 0.8],
        ['b', 'web', 0.5, 0.375, 1.333],
      ],
    },
    {
      name: 'a drained server (weight 0) that still gets traffic is infinitely over',
      servers: [web('a', 0), web('b', 1)],
      frames: [[50, 50]],
      windowMs: 20 * SEC,
      want: [
        ['a', 'web', 0.5, 0, Infinity],
        ['b', 'web', 0.5, 1, 0.5],
      ],
    },
  ])('$name', ({ servers, frames, weights, windowMs, endT, want }) => {
    expect(got(storeOf(servers, frames, weights), windowMs, endT)).toEqual(want);
  });

  it('says which frames it covers and over how long', () => {
    const store = storeOf([web('a')], [[1], [2], [3]]);
    expect(shareWindow(store, 5 * SEC)).toMatchObject({
      windowMs: 5 * SEC,
      endT: T0 + 3 * SEC,
      endSeq: 2,
    });
    expect(shareWindow(store, 5 * SEC, T0 + 2 * SEC).endSeq).toBe(1);
  });

  it('holds nothing before the first frame', () => {
    const store = storeOf([web('a')], []);
    expect(shareWindow(store, 5 * SEC)).toMatchObject({ endSeq: -1, shares: [] });
  });

  it('reads each frame afresh once the store has forgotten its frames', () => {
    const servers = [web('a'), web('b')];
    const store = storeOf(servers, [[1, 3]]);
    expect(shareWindow(store, 5 * SEC).shares.map((s) => s.requests)).toEqual([1, 3]);
    // another gateway numbers its frames from 0 again, at the same times
    store.clearFrames();
    store.push(frameOf(servers, 0, [5, 5]));
    expect(shareWindow(store, 5 * SEC).shares.map((s) => s.requests)).toEqual([5, 5]);
  });

  it('answers the same frames once: a second reader gets the first answer, a new frame a new one', () => {
    const servers = [web('a'), web('b')];
    const store = storeOf(servers, [[1, 3]]);
    const first = shareWindow(store, 5 * SEC);
    expect(shareWindow(store, 5 * SEC, Infinity)).toBe(first);
    expect(shareWindow(store, 2 * SEC)).not.toBe(first);
    store.push(frameOf(servers, 1, [2, 2]));
    expect(shareWindow(store, 5 * SEC).shares.map((s) => s.requests)).toEqual([3, 5]);
  });
});
