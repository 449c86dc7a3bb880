import { describe, expect, it } from 'vitest';
import type { LbState } from './faults';
import { routeShares } from './routing';

const fair = (n: number): LbState => ({
  weights: Array<number>(n).fill(1),
  up: Array<boolean>(n).fill(true),
  slow: Array<number>(n).fill(1),
  pins: [],
});

describe('routeShares', () => {
  it.each<{ name: string; state: LbState; want: number[] }>([
    { name: 'equal weights', state: fair(4), want: [0.25, 0.25, 0.25, 0.25] },
    { name: 'weights', state: { ...fair(3), weights: [2, 1, 1] }, want: [0.5, 0.25, 0.25] },
    {
      name: 'one down: its share spread by weight',
      state: { ...fair(3), weights: [2, 1, 1], up: [true, false, true] },
      want: [2 / 3, 0, 1 / 3],
    },
    {
      name: 'the 2024-05-15 misroute: 30% pinned onto two of ten',
      state: { ...fair(10), pins: [{ fraction: 0.3, to: [3, 6] }] },
      want: [0.07, 0.07, 0.07, 0.22, 0.07, 0.07, 0.22, 0.07, 0.07, 0.07],
    },
    {
      name: 'a pin onto a down server falls back to the balancer',
      state: { ...fair(2), up: [true, false], pins: [{ fraction: 0.5, to: [1] }] },
      want: [1, 0],
    },
    {
      name: 'pins beyond 100% are cut at 100%',
      state: {
        ...fair(3),
        pins: [
          { fraction: 0.8, to: [0] },
          { fraction: 0.8, to: [1] },
        ],
      },
      want: [0.8, 0.2, 0],
    },
    {
      name: 'all weights zero: even spread',
      state: { ...fair(2), weights: [0, 0] },
      want: [0.5, 0.5],
    },
    { name: 'all down: nothing', state: { ...fair(2), up: [false, false] }, want: [0, 0] },
  ])('$name', ({ state, want }) => {
    const shares = routeShares(state);
    expect(shares).toHaveLength(want.length);
    shares.forEach((share, i) => expect(share).toBeCloseTo(want[i]!, 9));
  });
});
