/**
 * The last few frames, summed per server and grouped by pool: the counts every rule reads.
 * Shares are tested over a window rather than one frame so a quiet pool has enough requests.
 */

/** Servers with no `pool` share this one. */
export const DEFAULT_POOL = '';

/**
 * Whether a frame at `t` lies in the window of `windowMs` that ends at `endT`: the one window
 * the detector, the share bars and `/metrics` all take shares over.
 */
export const withinWindow = (t: number, endT: number, windowMs: number): boolean =>
  t > endT - windowMs && t <= endT;

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
  /** weight in the latest frame that reported it */
  weight: number;
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
  // one look-up a row: the server and its running sum of p95 x requests
  const byId = new Map<string, { s: ServerWindow; p95Sum: number }>();
  const latest = records.at(-1);
  for (const record of records) {
    for (const group of groupsOf(record)) {
      let window = pools.get(group.pool);
      if (!window) {
        window = { pool: group.pool, requests: 0, servers: [] };
        pools.set(group.pool, window);
      }
      window.requests += group.total;
      const { rows, expected } = group;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        let sum = byId.get(row.id);
        if (!sum) {
          sum = { s: empty(row), p95Sum: 0 };
          byId.set(row.id, sum);
          window.servers.push(sum.s);
        }
        const s = sum.s;
        s.up = row.up;
        s.weight = row.weight;
        s.requests += row.requests;
        s.errors += row.errors;
        if (row.p95 !== null) sum.p95Sum += row.p95 * row.requests;
        if (row.up) s.expected += expected[i]!;
      }
    }
  }
  const latestIds = new Set(latest?.rows.map((r) => r.id));
  for (const { s, p95Sum } of byId.values()) {
    s.present = latestIds.has(s.id);
    s.p95 = s.requests > 0 ? p95Sum / s.requests : null;
  }
  return [...pools.values()];
}

/** One pool's rows of one frame, with what each up server was due that frame. */
interface Group {
  pool: string;
  /** requests to the servers that were up */
  total: number;
  rows: Row[];
  /** by row: requests its weight entitles it to (0 when down) */
  expected: number[];
}

// a record never changes once made, and the window sums it again every frame while it lasts:
// work out its groups once
const groupCache = new WeakMap<FrameRecord, { rowsRef: Row[]; groups: Group[] }>();

function groupsOf(record: FrameRecord): Group[] {
  const cached = groupCache.get(record);
  if (cached && cached.rowsRef === record.rows) return cached.groups;
  const groups: Group[] = [];
  for (const [pool, rows] of groupBy(record.rows)) {
    // a down server is server-down's business: its requests and weight stay out of the shares
    const up = rows.filter((r) => r.up);
    const total = up.reduce((sum, r) => sum + r.requests, 0);
    const weights = up.reduce((sum, r) => sum + r.weight, 0);
    // all weights zero says nothing about shares: count such a frame as on target
    const expected = rows.map((r) =>
      !r.up ? 0 : weights > 0 ? (total * r.weight) / weights : r.requests,
    );
    groups.push({ pool, total, rows, expected });
  }
  groupCache.set(record, { rowsRef: record.rows, groups });
  return groups;
}

function groupBy(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const group = out.get(row.pool);
    if (group) group.push(row);
    else out.set(row.pool, [row]);
  }
  return out;
}

const empty = (row: Row): ServerWindow => ({
  id: row.id,
  pool: row.pool,
  up: row.up,
  weight: row.weight,
  present: false,
  requests: 0,
  errors: 0,
  expected: 0,
  p95: null,
});
