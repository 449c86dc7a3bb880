/** A seeded source of random numbers: the same seed always gives the same sequence. */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
  /** A Poisson-like count with this mean: an integer >= 0 (normal approximation). */
  count(mean: number): number;
  /** A binomial-like count of successes out of n trials with probability p: an integer in [0, n]. */
  binomial(n: number, p: number): number;
}

/** mulberry32: a tiny 32-bit PRNG, plenty for simulated traffic and fast to fast-forward. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const uniform = mulberry32(seed);
  const normal = () => {
    // box-muller; 1 - u is in (0, 1], so the log never sees 0
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const around = (mean: number, variance: number, max: number) =>
    Math.min(max, Math.max(0, Math.round(mean + Math.sqrt(variance) * normal())));
  return {
    uniform,
    normal,
    count: (mean) => (mean > 0 ? around(mean, mean, Infinity) : 0),
    binomial: (n, p) => {
      const q = Math.min(1, Math.max(0, p));
      return n > 0 ? around(n * q, n * q * (1 - q), n) : 0;
    },
  };
}
