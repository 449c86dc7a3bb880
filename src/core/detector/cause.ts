/**
 * Who is to blame. The balancer, when traffic is mis-shared (a hot server that also gets more
 * than its share was made hot by the balancer); capacity, when most of a pool is hot together;
 * the backend, when one server is slow or failing on a normal share.
 */
import type { AlertCause, AlertRule, Level } from './alert';
import type { DetectorConfig } from './config';
import type { PoolMetrics } from './metrics';
import { isOverShared } from './share-skew';

/** This frame's level of every rule for every server of the pool. */
export type PoolLevels = Record<AlertRule, Map<string, Level>>;

const bad = (levels: Map<string, Level>, id: string) => (levels.get(id) ?? 'clear') !== 'clear';

export function causeOf(
  rule: AlertRule,
  named: readonly string[],
  pool: PoolMetrics,
  levels: PoolLevels,
  config: DetectorConfig,
): AlertCause {
  const hot = (id: string) => bad(levels.latency, id) || bad(levels.errors, id);
  const ids = new Set(named);
  const members = pool.servers.filter((s) => ids.has(s.id));
  const most = (part: number, whole: number) => part > config.capacityFraction * whole;
  switch (rule) {
    case 'server-down': {
      // many servers failing health checks at once: the network, a deploy, the check itself?
      const down = pool.servers.filter((s) => !s.up).length;
      return pool.servers.length > 1 && !most(down, pool.servers.length) ? 'backend' : 'unknown';
    }
    case 'share-skew': {
      // a starved server that is also sick: the balancer is routing round a bad backend
      const starvedAndSick =
        members.length > 0 && members.every((s) => s.shareRatio < 1 && hot(s.id));
      return starvedAndSick ? 'backend' : 'load-balancer';
    }
    case 'latency':
    case 'errors': {
      if (members.some((s) => isOverShared(s, config.shareSkew))) return 'load-balancer';
      const serving = pool.servers.filter((s) => s.up && s.requests > 0);
      if (serving.length < 2) return 'unknown';
      return most(serving.filter((s) => hot(s.id)).length, serving.length) ? 'capacity' : 'backend';
    }
  }
}
