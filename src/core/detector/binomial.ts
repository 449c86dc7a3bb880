/**
 * Is a count out of line with its expected probability? The signed root of the binomial
 * likelihood-ratio statistic: about N(0, 1) when p is right, and, unlike the Wald z, still
 * honest for small counts and small p (a canary's share, a 0.1% error rate).
 */
export function likelihoodRatioZ(k: number, n: number, p: number): number {
  if (n <= 0) return 0;
  const expected = n * p;
  if (k === expected) return 0;
  const g = 2 * (term(k, expected) + term(n - k, n - expected));
  // rounding can leave g a hair below zero when k is next to its expectation
  const z = Math.sqrt(Math.max(0, g));
  return k > expected ? z : -z;
}

// x ln(x / m), with 0 ln 0 = 0; something seen where nothing was expected is infinitely unlikely
function term(observed: number, expected: number): number {
  if (observed === 0) return 0;
  if (expected <= 0) return Infinity;
  return observed * Math.log(observed / expected);
}
