/**
 * The latency a folded band of servers shows: each server's p95 weighted by its requests, and
 * the value below which `q` of those requests fall (nearest rank). It leans high (a server's
 * p95 stands for all its requests), which is the side a band hiding servers should err on.
 */

/**
 * The weighted nearest-rank percentile of `values` (q in 0..1): the smallest value whose
 * cumulative weight reaches q of the total. NaN values and weights <= 0 are left out; NaN
 * when nothing is left.
 */
export function weightedPercentile(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  q: number,
): number {
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]!;
    if (Number.isNaN(values[i]!) || !(w > 0)) continue;
    order.push(i);
    total += w;
  }
  if (order.length === 0) return NaN;
  order.sort((a, b) => values[a]! - values[b]!);
  const target = q * total;
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= target) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/**
 * The same percentile over values already binned (bin i holds weight `bins[i]`): the first
 * bin whose cumulative weight reaches q of the total, or -1 when the bins are empty. Binning
 * by any order-keeping map gives the bin of weightedPercentile's value, without a sort.
 */
export function weightedPercentileBin(bins: ArrayLike<number>, q: number): number {
  let total = 0;
  for (let i = 0; i < bins.length; i++) total += bins[i]!;
  if (!(total > 0)) return -1;
  const target = q * total;
  let cumulative = 0;
  let last = -1;
  for (let i = 0; i < bins.length; i++) {
    if (!(bins[i]! > 0)) continue;
    cumulative += bins[i]!;
    last = i;
    if (cumulative >= target) return i;
  }
  return last;
}
