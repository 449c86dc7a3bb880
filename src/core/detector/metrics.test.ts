import { describe, expect, it } from 'vitest';
import { patch, poolOf, rows, serverOf } from './fixtures';
import { median } from './metrics';

describe('median', () => {
  it.each([
    { values: [3, 1, 2], want: 2 },
    { values: [4, 1, 3, 2], want: 2.5 },
    { values: [7], want: 7 },
    { values: [], want: NaN },
  ])('$values -> $want', ({ values, want }) => {
    expect(median(values)).toEqual(want);
  });
});

describe('poolMetrics', () => {
  // 12400 requests, 1240 due to each of ten; two hot servers, each judged against its peers' median, which they cannot drag up
  const pool = poolOf(
    patch(rows(10, { errors: 1 }), {
      'app-04': { requests: 2200, errors: 440, p95: 6000 },
      'app-07': { requests: 2200, errors: 440, p95: 6000 },
    }),
  );
  const app04 = serverOf(pool, 'app-04');
  const app01 = serverOf(pool, 'app-01');

  it.each([
    { name: 'share ratio of an over-shared server', got: app04.shareRatio, want: 1.774 },
    { name: 'share ratio of the complement', got: app01.shareRatio, want: 0.806 },
    {
      name: "peers' p95 is the others' median, not dragged up by app-07",
      got: app04.peersP95,
      want: 100,
    },
    { name: 'error rate', got: app04.errorRate, want: 0.2 },
    {
      name: "peers' error rate is the others' median, not app-07's 20%",
      got: app04.peersErrorRate,
      want: 0.001,
    },
  ])('$name', ({ got, want }) => {
    expect(got).toBeCloseTo(want, 2);
  });

  it('a clean pool is not a zero error rate: 1 / (peer requests + 2)', () => {
    const clean = poolOf(rows(3, { errors: 0 }));
    expect(serverOf(clean, 'app-01').peersErrorRate).toBeCloseTo(1 / 2002, 6);
  });

  it('a server alone in its pool has no peers to compare with', () => {
    const alone = serverOf(poolOf(rows(1)), 'app-01');
    expect(alone).toMatchObject({ peersP95: null, peersErrorRate: 0.5, shareRatio: 1 });
  });

  it('a drained server (weight 0) that still gets traffic is infinitely over-shared', () => {
    const drained = poolOf(patch(rows(3), { 'app-03': { weight: 0, requests: 50 } }));
    expect(serverOf(drained, 'app-03').shareRatio).toBe(Infinity);
  });
});
