import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { patch, poolOf, row, rows } from './fixtures';
import { latencyLevel } from './latency';
import type { Row } from './fixtures';

const c = DEFAULT_CONFIG.latency;
const ten = rows(10, { p95: 110 });

const named = (frame: Row[]) =>
  Object.fromEntries(
    poolOf(frame)
      .servers.map((s) => [s.id, latencyLevel(s, c)])
      .filter(([, level]) => level !== 'clear'),
  );

describe('latencyLevel', () => {
  it.each([
    { name: 'a healthy pool', frame: ten, want: {} },
    {
      name: '4x the pool: a slow backend',
      frame: patch(ten, { 'app-03': { p95: 450 } }),
      want: { 'app-03': 'fire' },
    },
    {
      name: '2.7x: stays firing, does not fire',
      frame: patch(ten, { 'app-03': { p95: 300 } }),
      want: { 'app-03': 'hold' },
    },
    {
      name: '4x a fast pool, under the 250 ms floor: noise',
      frame: patch(rows(10, { p95: 50 }), { 'app-03': { p95: 200 } }),
      want: {},
    },
    {
      name: 'two hot servers among ten, each against the median of its peers',
      frame: patch(ten, { 'app-04': { p95: 6000 }, 'app-07': { p95: 6000 } }),
      want: { 'app-04': 'fire', 'app-07': 'fire' },
    },
    {
      name: 'the whole pool over the 1 s absolute bar',
      frame: rows(3, { p95: 1200 }),
      want: { 'app-01': 'fire', 'app-02': 'fire', 'app-03': 'fire' },
    },
    {
      name: 'the whole pool at 800 ms: stays firing (>= 700 ms), does not fire',
      frame: rows(2, { p95: 800 }),
      want: { 'app-01': 'hold', 'app-02': 'hold' },
    },
    {
      name: 'too few requests for a p95 to mean much',
      frame: patch(ten, { 'app-03': { requests: 10, p95: 5000 } }),
      want: {},
    },
    {
      name: 'a two-server pool can still tell the slow one',
      frame: [row('a', { p95: 900 }), row('b', { p95: 100 })],
      want: { a: 'fire' },
    },
    {
      name: 'a down server is not judged',
      frame: patch(ten, { 'app-03': { up: false, p95: 5000 } }),
      want: {},
    },
  ])('$name', ({ frame, want }) => {
    expect(named(frame)).toEqual(want);
  });
});
