/**
 * Order statistics for benchmark figures: every figure is a median of several runs, every
 * spread a percentile, computed the same way in Node and in the bench pages.
 */

/** The p-th percentile (0..100) by linear interpolation between the closest ranks. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (xs: readonly number[]) => percentile(xs, 50);

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
