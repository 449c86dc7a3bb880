/**
 * share-skew: a server gets a share of its pool's requests far from what its weight entitles
 * it to, by more than chance explains. Only one side of a skew is named: when the balancer pins
 * traffic onto a few servers the rest are merely the complement, and when it starves one server
 * the rest merely absorb its part.
 */
import type { Level } from './alert';
import type { ShareSkewConfig } from './config';
import type { PoolMetrics, ServerMetrics } from './metrics';

type Bar = { factor: number; z: number };

const over = (s: ServerMetrics, c: ShareSkewConfig, bar: Bar) =>
  s.up && s.requests >= c.minCount && s.shareRatio >= bar.factor && s.shareZ >= bar.z;

const under = (s: ServerMetrics, c: ShareSkewConfig, bar: Bar) =>
  s.up && s.expected >= c.minCount && s.shareRatio <= 1 / bar.factor && s.shareZ <= -bar.z;

/** Gets clearly more than its weighted share now (the looser bar, for causes elsewhere). */
export const isOverShared = (s: ServerMetrics, c: ShareSkewConfig) =>
  over(s, c, { factor: c.clearFactor, z: c.holdZ });

/** Each server's level; servers on the side not named are 'clear'. */
export function shareSkewLevels(pool: PoolMetrics, c: ShareSkewConfig): Map<string, Level> {
  const fire = { factor: c.factor, z: c.minZ };
  const hold = { factor: c.clearFactor, z: c.holdZ };
  const overs = pool.servers.filter((s) => over(s, c, hold));
  const unders = pool.servers.filter((s) => under(s, c, hold));
  // servers that get too much are what the balancer did (even when it starves all the others,
  // as `balance source` with one client does); the starved are named only when nobody is
  // clearly over-shared, as when one server is taken out of rotation by mistake
  const overFires = overs.some((s) => over(s, c, fire));
  const underFires = unders.some((s) => under(s, c, fire));
  const side = overFires || (overs.length > 0 && !underFires) ? 'over' : 'under';
  const levels = new Map<string, Level>();
  for (const s of pool.servers) {
    const test = side === 'over' ? over : under;
    levels.set(s.id, test(s, c, fire) ? 'fire' : test(s, c, hold) ? 'hold' : 'clear');
  }
  return levels;
}
