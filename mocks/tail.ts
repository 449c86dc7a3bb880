import type { Percentiles } from './scenario';

/**
 * The fraction of requests slower than x ms, read off three percentiles: the survival curve is
 * taken as log-linear between (0, 1), (p50, 0.5), (p95, 0.05), (p99, 0.01), and past p99 it keeps
 * the p95..p99 slope, an exponential tail.
 */
export function exceedFraction(x: number, l: Percentiles): number {
  const points: [number, number][] = [
    [0, 1],
    [l.p50, 0.5],
    [l.p95, 0.05],
    [l.p99, 0.01],
  ];
  if (x <= 0) return 1;
  for (let i = 1; i < points.length; i++) {
    const [x0, s0] = points[i - 1]!;
    const [x1, s1] = points[i]!;
    if (x <= x1) return x1 > x0 ? s0 * (s1 / s0) ** ((x - x0) / (x1 - x0)) : s1;
  }
  const span = l.p99 - l.p95;
  return span > 0 ? 0.01 * 5 ** (-(x - l.p99) / span) : 0;
}
