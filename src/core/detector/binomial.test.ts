import { describe, expect, it } from 'vitest';
import { likelihoodRatioZ } from './binomial';

describe('likelihoodRatioZ', () => {
  it.each([
    { name: 'on expectation', k: 100, n: 1000, p: 0.1, want: 0 },
    { name: 'no trials', k: 0, n: 0, p: 0.5, want: 0 },
    { name: 'nothing expected, nothing seen', k: 0, n: 10, p: 0, want: 0 },
    { name: 'something where nothing was expected', k: 1, n: 10, p: 0, want: Infinity },
    { name: 'a miss where all were expected', k: 9, n: 10, p: 1, want: -Infinity },
    // large counts: the same as the Wald z (3.162)
    { name: '550 of 1000 at 0.5', k: 550, n: 1000, p: 0.5, want: 3.165 },
    { name: '450 of 1000 at 0.5', k: 450, n: 1000, p: 0.5, want: -3.165 },
    // small counts: 8 of 15 at 0.1 has a tail of 3e-5 (~4.0 sigma); the Wald z would say 5.6
    { name: '8 of 15 at 0.1', k: 8, n: 15, p: 0.1, want: 4.194 },
    { name: '3 of 15 at 0.1: chance', k: 3, n: 15, p: 0.1, want: 1.154 },
    { name: 'all 10 of 10 at 0.1', k: 10, n: 10, p: 0.1, want: 6.786 },
    { name: 'a starved server: 0 of 200 at 0.1', k: 0, n: 200, p: 0.1, want: -6.492 },
    { name: "the seed's skew in one frame", k: 660, n: 3000, p: 0.1, want: 19.263 },
  ])('$name: $want', ({ k, n, p, want }) => {
    const z = likelihoodRatioZ(k, n, p);
    if (Number.isFinite(want)) expect(z).toBeCloseTo(want, 3);
    else expect(z).toBe(want);
  });
});
