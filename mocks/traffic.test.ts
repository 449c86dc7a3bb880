import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { meanRate, nextNoise } from './traffic';

const HOUR = 3_600_000;
const day = Date.UTC(2024, 4, 15);

describe('meanRate', () => {
  const traffic = { rps: 1000, diurnal: { amplitude: 0.1, peakHourUtc: 18 } };
  it.each([
    { at: '18:00Z, the peak', t: day + 18 * HOUR, want: 1100 },
    { at: '06:00Z, the trough', t: day + 6 * HOUR, want: 900 },
    { at: '00:00Z, half way down', t: day, want: 1000 },
    { at: 'the peak a week later', t: day + (7 * 24 + 18) * HOUR, want: 1100 },
  ])('at $at is $want', ({ t, want }) => {
    expect(meanRate(traffic, t)).toBeCloseTo(want, 6);
  });

  it('is flat without a diurnal term', () => {
    expect(meanRate({ rps: 500 }, day + 3 * HOUR)).toBe(500);
  });
});

describe('nextNoise', () => {
  it.each([0, 0.02, 0.1])('wanders with sd ~%s and is zero without sd', (sd) => {
    const r = createRandom(3);
    let n = 0;
    const xs = Array.from({ length: 20_000 }, () => (n = nextNoise(n, sd, r)));
    const spread = Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length);
    expect(Math.abs(spread - sd)).toBeLessThanOrEqual(0.1 * sd);
  });
});
