import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { patch, poolOf, row, rows, serverOf } from './fixtures';
import { isOverShared, shareSkewLevels } from './share-skew';
import type { Row } from './fixtures';

const c = DEFAULT_CONFIG.shareSkew;
const ten = rows(10);

/** The servers that are not 'clear', with their level. */
const named = (frame: Row[]) =>
  Object.fromEntries(
    [...shareSkewLevels(poolOf(frame), c)].filter(([, level]) => level !== 'clear'),
  );

describe('shareSkewLevels', () => {
  it.each([
    { name: 'an even pool', frame: ten, want: {} },
    {
      // the 2024-05-15 incident: 2.2x on two servers; the other eight (0.7x) are not named
      name: 'two over-shared servers, the complement not named',
      frame: patch(rows(10, { requests: 700 }), {
        'app-04': { requests: 2200 },
        'app-07': { requests: 2200 },
      }),
      want: { 'app-04': 'fire', 'app-07': 'fire' },
    },
    {
      name: '1.4x: past the bar to stay, short of the bar to fire',
      frame: patch(ten, { 'app-01': { requests: 1500 } }),
      want: { 'app-01': 'hold' },
    },
    {
      name: '1.2x: normal balancer drift',
      frame: patch(ten, { 'app-01': { requests: 1200 } }),
      want: {},
    },
    {
      name: 'a starved server is named, not the nine that absorb its part',
      frame: patch(rows(10, { requests: 1100 }), { 'app-10': { requests: 10 } }),
      want: { 'app-10': 'fire' },
    },
    {
      name: 'two servers, 1.6x and 0.4x: the one given too much is named',
      frame: [row('a', { requests: 1600 }), row('b', { requests: 400 })],
      want: { a: 'fire' },
    },
    {
      name: '`balance source` with one client: all on one server, the rest starved',
      frame: [
        row('a', { requests: 2000 }),
        row('b', { requests: 0, p95: null }),
        row('c', { requests: 0, p95: null }),
        row('d', { requests: 0, p95: null }),
      ],
      want: { a: 'fire' },
    },
    {
      name: 'quiet traffic: 5 requests, 3 on one server (6x) is chance',
      frame: patch(rows(10, { requests: 0, p95: null }), {
        'app-01': { requests: 3, p95: 100 },
        'app-02': { requests: 1, p95: 100 },
        'app-03': { requests: 1, p95: 100 },
      }),
      want: {},
    },
    {
      name: 'quiet traffic: 9 of 12 requests on one server, fewer than minCount',
      frame: patch(rows(10, { requests: 0, p95: null }), {
        'app-01': { requests: 9, p95: 100 },
        'app-02': { requests: 3, p95: 100 },
      }),
      want: {},
    },
    {
      name: 'weights 3:2:1, shares 3:2:1',
      frame: [
        row('a', { weight: 3, requests: 3000 }),
        row('b', { weight: 2, requests: 2000 }),
        row('c'),
      ],
      want: {},
    },
    {
      name: 'a canary at weight 1 among weight 10s, on its share',
      frame: [...rows(9, { weight: 10, requests: 1000 }), row('canary', { requests: 100 })],
      want: {},
    },
    {
      name: 'a canary getting 2.5x its tiny share',
      frame: [...rows(9, { weight: 10, requests: 1000 }), row('canary', { requests: 250 })],
      want: { canary: 'fire' },
    },
    {
      name: 'a down server: the others take its part, as they should',
      frame: patch(rows(10, { requests: 1111 }), {
        'app-05': { up: false, requests: 0, p95: null },
      }),
      want: {},
    },
    {
      name: 'a drained server (weight 0) still getting traffic',
      frame: patch(ten, { 'app-03': { weight: 0, requests: 100 } }),
      want: { 'app-03': 'fire' },
    },
    {
      name: 'pool-wide overload with fair shares',
      frame: rows(10, { requests: 1000, p95: 8000, errors: 300 }),
      want: {},
    },
  ])('$name', ({ frame, want }) => {
    expect(named(frame)).toEqual(want);
  });
});

describe('isOverShared', () => {
  const pool = poolOf(patch(ten, { 'app-01': { requests: 1400 }, 'app-02': { requests: 1200 } }));
  it.each([
    { id: 'app-01', want: true },
    { id: 'app-02', want: false },
    { id: 'app-03', want: false },
  ])('$id: $want', ({ id, want }) => {
    expect(isOverShared(serverOf(pool, id), c)).toBe(want);
  });
});
