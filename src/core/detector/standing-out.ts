/**
 * Which servers stand out from their pool over the detector's window, before any alert says
 * so: a share far from what the weight entitles, a p95 far from the pool's typical one, or a
 * failing health check. A big fleet's heatmap gives these their own rows.
 */
import { shareDeviation } from '../share/share-outliers';
import type { ServerShare } from '../share/share-window';

/** Off by this factor either way, a share or a p95 stands out. */
export const SHARE_FACTOR = 1.5;
export const LATENCY_FACTOR = 2;

/**
 * How far a server stands out: 1 is the threshold (SHARE_FACTOR off its share, or
 * LATENCY_FACTOR off its pool's median p95), Infinity when down; 0 when nothing to judge.
 */
export function standOutScore(s: ServerShare, poolMedianP95: number): number {
  if (!s.up) return Infinity;
  const share = Math.max(0, shareDeviation(s)) / Math.log(SHARE_FACTOR);
  const latency =
    s.p95 > 0 && poolMedianP95 > 0
      ? Math.abs(Math.log(s.p95 / poolMedianP95)) / Math.log(LATENCY_FACTOR)
      : 0;
  return Math.max(share, latency);
}

/**
 * A server that stood out keeps standing out until its score falls below this: one hovering
 * about the threshold keeps its row instead of jumping between a row and its pool's band on
 * every judgement (a wall is read at a glance; rows that come and go read as news).
 */
export const STAY_SCORE = 0.75;

/**
 * The ids of the servers that stand out, most first: score >= 1, or >= STAY_SCORE for those
 * in `before` (the last judgement's answer).
 */
export function standingOut(
  shares: readonly ServerShare[],
  before: ReadonlySet<string> = new Set(),
): string[] {
  const medians = poolMedians(shares);
  return shares
    .map((s) => ({ id: s.id, score: standOutScore(s, medians.get(s.pool) ?? NaN) }))
    .filter((x) => x.score >= (before.has(x.id) ? STAY_SCORE : 1))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.id);
}

/** Each pool's median p95 over its servers that had requests. */
function poolMedians(shares: readonly ServerShare[]): Map<string, number> {
  const byPool = new Map<string, number[]>();
  for (const s of shares) {
    if (!(s.p95 > 0)) continue;
    let list = byPool.get(s.pool);
    if (!list) byPool.set(s.pool, (list = []));
    list.push(s.p95);
  }
  const medians = new Map<string, number>();
  for (const [pool, list] of byPool) {
    list.sort((a, b) => a - b);
    const mid = list.length >> 1;
    medians.set(pool, list.length % 2 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2);
  }
  return medians;
}
