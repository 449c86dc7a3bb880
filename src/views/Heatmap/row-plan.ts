/**
 * Which rows the heatmap shows, in which order. While every server fits at a legible height,
 * one row each in the store's order; past that, the servers that alert, then those that stand
 * out, get their own rows at the top, and the rest of each pool folds into one band row,
 * unfolded on request (its servers then follow the band, and the box scrolls if need be).
 */

/** One row of the heatmap: a server, or a pool's folded servers. */
export type PlanRow =
  | { kind: 'server'; id: string }
  | {
      kind: 'band';
      pool: string;
      /** the servers folded into it, in the store's order */
      ids: readonly string[];
      /** its servers are shown below it, one row each */
      unfolded: boolean;
    };

/** The rows, top to bottom, and how many servers they stand for. */
export interface RowPlan {
  rows: readonly PlanRow[];
  servers: number;
  /** whether any pool folds: the servers did not all fit */
  folded: boolean;
}

/** A server as the plan sees it. */
export interface PlanServer {
  id: string;
  pool?: string;
}

export interface RowPlanInput {
  /** every server, in the store's order */
  servers: readonly PlanServer[];
  /** named by a firing alert */
  alerting: ReadonlySet<string>;
  /** the servers that stand out, most first (see standingOut) */
  standingOut: readonly string[];
  /** how many rows fit at a legible height */
  fit: number;
  /** the pools shown unfolded */
  unfolded: ReadonlySet<string>;
}

/** the pool a server without one is counted in, as the detector counts it */
export const NO_POOL = '';

export function planRows({ servers, alerting, standingOut, fit, unfolded }: RowPlanInput): RowPlan {
  if (servers.length <= fit) {
    return {
      rows: servers.map((s) => ({ kind: 'server', id: s.id })),
      servers: servers.length,
      folded: false,
    };
  }
  const pools = new Map<string, string[]>();
  for (const s of servers) {
    const pool = s.pool ?? NO_POOL;
    let ids = pools.get(pool);
    if (!ids) pools.set(pool, (ids = []));
    ids.push(s.id);
  }
  const known = new Set(servers.map((s) => s.id));
  // alerting servers always get their own row; those standing out, as many as leave room for
  // a band per pool
  const single = new Set(servers.filter((s) => alerting.has(s.id)).map((s) => s.id));
  const room = Math.max(0, fit - pools.size);
  for (const id of standingOut) {
    if (single.size >= room) break;
    if (known.has(id)) single.add(id);
  }
  const rows: PlanRow[] = [];
  // alerting first, then standing out, each in the store's order so rows do not jump about
  for (const s of servers) if (alerting.has(s.id)) rows.push({ kind: 'server', id: s.id });
  for (const s of servers)
    if (single.has(s.id) && !alerting.has(s.id)) rows.push({ kind: 'server', id: s.id });
  for (const [pool, ids] of pools) {
    const rest = ids.filter((id) => !single.has(id));
    if (rest.length === 0) continue;
    // a band of one saves no row: the server shows as itself
    if (rest.length === 1) {
      rows.push({ kind: 'server', id: rest[0]! });
      continue;
    }
    const open = unfolded.has(pool);
    rows.push({ kind: 'band', pool, ids: rest, unfolded: open });
    if (open) for (const id of rest) rows.push({ kind: 'server', id });
  }
  return { rows, servers: servers.length, folded: true };
}
