/**
 * Request share maths (CONTRACT section 1): observed share = requests_i / sum(requests);
 * expected share = weight_i / sum(weights of the servers that are up).
 */

/** Each value over the sum; all NaN when the sum is 0 (no traffic says nothing about shares). */
export function observedShares(requests: readonly number[]): number[] {
  const total = requests.reduce((sum, r) => sum + r, 0);
  return requests.map((r) => (total > 0 ? r / total : NaN));
}

/** A down server is expected to get nothing; the rest split by weight. */
export function expectedShares(weights: readonly number[], up: readonly boolean[]): number[] {
  const total = weights.reduce((sum, w, i) => (up[i] ? sum + w : sum), 0);
  return weights.map((w, i) => (up[i] && total > 0 ? w / total : 0));
}

/** How many times its expected share a server gets; Infinity when it should get none. */
export function shareRatio(observed: number, expected: number): number {
  if (Number.isNaN(observed)) return NaN;
  if (expected === 0) return observed === 0 ? 1 : Infinity;
  return observed / expected;
}
