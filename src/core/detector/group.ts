/**
 * One alert per rule and pool, naming every server the rule holds for. Servers that turn bad
 * together fire together: when one server's condition has lasted long enough, the others whose
 * condition holds now (still pending) are named with it, rather than in an alert of their own a
 * frame later. An alert's servers are fixed while it fires; a server that turns bad later, while
 * it fires, gets an alert of its own.
 */
import { isLive, type Track } from './hysteresis';

/** What one frame changes in the alerts of one rule in one pool. */
export interface GroupChange {
  /** servers of a new alert (empty: none fires) */
  fire: string[];
  /** indexes of the open alerts that resolve */
  resolve: number[];
}

/**
 * `servers`: the pool's servers in display order; `open`: the servers of each alert firing in
 * this rule and pool.
 */
export function groupChange(
  servers: readonly string[],
  trackOf: (id: string) => Track,
  open: readonly (readonly string[])[],
): GroupChange {
  const live = (id: string) => isLive(trackOf(id));
  // an alert lasts until every server it named has recovered
  const resolve = open.flatMap((ids, i) => (ids.some(live) ? [] : [i]));
  const covered = new Set(open.filter((_, i) => !resolve.includes(i)).flat());
  const free = servers.filter((id) => !covered.has(id));
  if (!free.some(live)) return { fire: [], resolve };
  const fire = free.filter((id) => live(id) || trackOf(id).phase === 'pending');
  return { fire, resolve };
}
