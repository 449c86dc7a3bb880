/**
 * The last few frames, summed per server and grouped by pool: the counts every rule reads.
 * Shares are tested over a window rather than one frame so a quiet pool has enough requests.
 */

/** One server in one frame, with its pool and weight resolved when the frame came in. */
export interface Row {
  id: string;
  pool: string;
  weight: number;
  up: boolean;
  requests: number;
  errors: number;
  p95: number | null;
}

/** One frame as the detector keeps it. */
export interface FrameRecord {
  t: number;
  rows: Row[];
}

/** One server over the window. */
export interface ServerWindow {
  id: string;
  pool: string;
  /** health in the latest frame that reported it */
  up: boolean;
  /** reported in the latest frame */
  present: boolean;
  requests: number;
  errors: number;
  /** requests its weight entitles it to, over the frames it was up */
  expected: number;
  /** request-weighted mean of its frames' p95: percentiles do not add, this is a fair summary */
  p95: number | null;
}

/** One pool over the window. */
export interface PoolWindow {
  pool: string;
  /** requests to the pool's servers that were up */
  requests: number;
  /** in the order they were first seen */
  servers: ServerWindow[];
}

/** Sums the records (oldest first) per server and pool. */
export function poolWindows(records: readonly FrameRecord[]): PoolWindow[] {
  const pools = new Map<string, PoolWindow>();
  const byId = new Map<string, ServerWindow>();
  const p95Sums = new Map<string, number>();
  const latest = records.at(-1);
  for (const record of records) {
    for (const [pool, rows] of groupBy(record.rows)) {
      const window = pools.get(pool) ?? { pool, requests: 0, servers: [] };
      pools.set(pool, window);
      // a down server is server-down's business: its requests and weight stay out of the shares
      const up = rows.filter((r) => r.up);
      const total = up.reduce((sum, r) => sum + r.requests, 0);
      const weights = up.reduce((sum, r) => sum + r.weight, 0);
      window.requests += total;
      for (const row of rows) {
        let s = byId.get(row.id);
        if (!s) {
          s = empty(row);
          byId.set(row.id, s);
          window.servers.push(s);
        }
        s.up = row.up;
        s.requests += row.requests;
        s.errors += row.errors;
        if (row.p95 !== null) p95Sums.set(s.id, (p95Sums.get(s.id) ?? 0) + row.p95 * row.requests);
        // all weights zero says nothing about shares: count such a frame as on target
        if (row.up) s.expected += weights > 0 ? (total * row.weight) / weights : row.requests;
      }
    }
  }
  for (const s of byId.values()) {
    s.present = latest?.rows.some((r) => r.id === s.id) ?? false;
    s.p95 = s.requests > 0 ? (p95Sums.get(s.id) ?? 0) / s.requests : null;
  }
  return [...pools.values()];
}

function groupBy(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) out.set(row.pool, [...(out.get(row.pool) ?? []), row]);
  return out;
}

const empty = (row: Row): ServerWindow => ({
  id: row.id,
  pool: row.pool,
  up: row.up,
  present: false,
  requests: 0,
  errors: 0,
  expected: 0,
  p95: null,
});
