import { describe, expect, it } from 'vitest';
import { row, windowsOfRows, type Row } from './fixtures';

const frames = (...rowsPerFrame: Row[][]) => rowsPerFrame;

/** id -> [requests, expected] of every server, over every pool. */
const counts = (rowsPerFrame: Row[][]) =>
  Object.fromEntries(
    windowsOfRows(frames(...rowsPerFrame)).flatMap((p) =>
      p.servers.map((s) => [s.id, [s.requests, Math.round(s.expected * 100) / 100]]),
    ),
  );

describe('poolWindows: expected requests', () => {
  it.each([
    {
      name: 'equal weights split the pool evenly',
      frames: [[row('a', { requests: 300 }), row('b', { requests: 100 })]],
      want: { a: [300, 200], b: [100, 200] },
    },
    {
      name: 'weights 3:1',
      frames: [[row('a', { weight: 3, requests: 300 }), row('b', { requests: 100 })]],
      want: { a: [300, 300], b: [100, 100] },
    },
    {
      name: 'a down server is expected nothing, and its stray requests count for nobody',
      frames: [
        [
          row('a', { requests: 500 }),
          row('b', { requests: 500 }),
          row('c', { up: false, requests: 7 }),
        ],
      ],
      want: { a: [500, 500], b: [500, 500], c: [7, 0] },
    },
    {
      name: 'summed over frames, each with its own weights',
      frames: [
        [row('a', { requests: 100 }), row('b', { requests: 100 })],
        [row('a', { weight: 3, requests: 300 }), row('b', { requests: 100 })],
      ],
      want: { a: [400, 400], b: [200, 200] },
    },
    {
      name: 'all weights zero: no opinion, each on target',
      frames: [[row('a', { weight: 0, requests: 90 }), row('b', { weight: 0, requests: 10 })]],
      want: { a: [90, 90], b: [10, 10] },
    },
    {
      name: 'pools are shared out separately',
      frames: [
        [
          row('a1', { pool: 'a', requests: 900 }),
          row('a2', { pool: 'a', requests: 900 }),
          row('b1', { pool: 'b', requests: 10 }),
          row('b2', { pool: 'b', requests: 30 }),
        ],
      ],
      want: { a1: [900, 900], a2: [900, 900], b1: [10, 20], b2: [30, 20] },
    },
  ])('$name', ({ frames: f, want }) => {
    expect(counts(f)).toEqual(want);
  });
});

describe('poolWindows: the rest', () => {
  const [pool] = windowsOfRows(
    frames(
      [
        row('a', { requests: 100, p95: 100, errors: 2 }),
        row('b', { up: false, requests: 0, p95: null }),
      ],
      [row('a', { requests: 300, p95: 200, errors: 3 })],
    ),
  );
  const [a, b] = pool!.servers;

  it.each([
    { name: "p95 is the requests-weighted mean of the frames'", got: a!.p95, want: 175 },
    { name: 'errors add up', got: a!.errors, want: 5 },
    { name: 'a server with no requests has no p95', got: b!.p95, want: null },
    { name: 'present: in the latest frame', got: a!.present, want: true },
    { name: 'absent from the latest frame', got: b!.present, want: false },
    { name: 'up: as last reported', got: b!.up, want: false },
    { name: 'pool requests count servers that are up', got: pool!.requests, want: 400 },
  ])('$name', ({ got, want }) => {
    expect(got).toEqual(want);
  });
});
