/** What the share bars say about the figures they draw: whose share, over how long. */
import { DEFAULT_POOL } from '../../core/detector/window';
import type { ServerShare } from '../../core/share/share-window';

/** One pool's rows, in the order the pools came. */
export interface PoolRows {
  pool: string;
  rows: ServerShare[];
}

export function groupByPool(rows: readonly ServerShare[]): PoolRows[] {
  const groups = new Map<string, ServerShare[]>();
  for (const row of rows) {
    const group = groups.get(row.pool);
    if (group) group.push(row);
    else groups.set(row.pool, [row]);
  }
  return [...groups].map(([pool, rows]) => ({ pool, rows }));
}

/** "share of pool web over the last 20 s"; a pool without a name is every server's. */
export function shareCaption(pool: string, windowMs: number): string {
  const whose = pool === DEFAULT_POOL ? 'share of all servers' : `share of pool ${pool}`;
  return `${whose} over the last ${span(windowMs)}`;
}

function span(ms: number): string {
  const s = ms / 1000;
  if (s < 120 || s % 60 !== 0) return `${Number(s.toFixed(1))} s`;
  return s % 3600 === 0 ? `${s / 3600} h` : `${s / 60} min`;
}
