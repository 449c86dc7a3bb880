/**
 * Test fixtures: pools built from plain counts, so a rule's table reads in requests and
 * weights rather than in pre-computed ratios. Only tests import this.
 */
import type { Frame, Hello, Sample } from '../protocol/protocol';
import type { AlertEvent } from './alert';
import { poolMetrics, type PoolMetrics, type ServerMetrics } from './metrics';
import { SeriesStore } from '../series/series-store';
import { poolWindows, windowSpan, type PoolWindow, type WindowMember } from './window';

/** One server in one frame, with its pool and weight: how a test writes a frame's figures. */
export interface Row {
  id: string;
  pool: string;
  weight: number;
  up: boolean;
  requests: number;
  errors: number;
  p95: number | null;
}

/**
 * The pools of frames written as rows (oldest first, 10 s apart), summed as the detector sums
 * them: pushed into a store, each server in the pool of its first row.
 */
export function windowsOfRows(frames: readonly Row[][]): PoolWindow[] {
  const store = new SeriesStore({ capacity: Math.max(1, frames.length), maxAgeMs: Infinity });
  const pools = new Map<string, string>();
  frames.forEach((rows, i) => {
    for (const r of rows) if (!pools.has(r.id)) pools.set(r.id, r.pool);
    store.push({
      v: 1,
      seq: i,
      t: (i + 1) * 10_000,
      intervalMs: 10_000,
      samples: rows.map((r) => ({
        id: r.id,
        requests: r.requests,
        errors: r.errors,
        latencyMs: r.p95 === null ? null : { p50: r.p95, p95: r.p95, p99: r.p95 },
        up: r.up,
        weight: r.weight,
      })),
    });
  });
  const members: WindowMember[] = [...pools].map(([id, pool]) => ({
    series: store.server(id)!,
    pool,
  }));
  return poolWindows(store, members, windowSpan(store, Infinity));
}

/** One server in one frame: 1000 healthy requests at weight 1 unless told otherwise. */
export const row = (id: string, o: Partial<Omit<Row, 'id'>> = {}): Row => ({
  id,
  pool: '',
  weight: 1,
  up: true,
  requests: 1000,
  errors: 1,
  p95: 100,
  ...o,
});

/** `n` rows app-01..app-nn with the same fields. */
export const rows = (n: number, o: Partial<Omit<Row, 'id'>> = {}): Row[] =>
  Array.from({ length: n }, (_, i) => row(`app-${String(i + 1).padStart(2, '0')}`, o));

/** The metrics of the one pool the frames hold (oldest frame first). */
export function poolOf(...frames: Row[][]): PoolMetrics {
  const pools = windowsOfRows(frames);
  if (pools.length !== 1) throw new Error(`expected one pool, got ${pools.length}`);
  return poolMetrics(pools[0]!);
}

/** Replaces the fields of the rows named, keeps the others. */
export const patch = (base: Row[], changes: Record<string, Partial<Row>>): Row[] =>
  base.map((r) => ({ ...r, ...changes[r.id] }));

export const serverOf = (pool: PoolMetrics, id: string): ServerMetrics => {
  const s = pool.servers.find((x) => x.id === id);
  if (!s) throw new Error(`no server ${id}`);
  return s;
};

export const SEED_T0 = Date.UTC(2024, 4, 15, 13, 30);
const TEN = Array.from({ length: 10 }, (_, i) => `app-${String(i + 1).padStart(2, '0')}`);

/** The hello of ten servers app-01..app-10 at weight 1, one frame every 10 s. */
export const seedHello: Hello = {
  v: 1,
  source: 'test',
  mode: 'live',
  intervalMs: 10_000,
  servers: TEN.map((id) => ({ id, weight: 1 })),
  now: SEED_T0,
};

const seedSample = (id: string, requests: number): Sample => ({
  id,
  requests,
  errors: 0,
  latencyMs: { p50: 40, p95: 100, p99: 150 },
});

/** Frame i of the seed incident's shape: app-04 and app-07 at 2.2x their share in [6, 30). */
export const seedFrame = (i: number): Frame => ({
  v: 1,
  seq: i,
  t: SEED_T0 + (i + 1) * 10_000,
  intervalMs: 10_000,
  samples: TEN.map((id) =>
    i >= 6 && i < 30
      ? seedSample(id, ['app-04', 'app-07'].includes(id) ? 2200 : 700)
      : seedSample(id, 1000),
  ),
});

/** A share-skew transition of `servers` at `t`. */
export const alertEvent = (
  t: number,
  state: AlertEvent['state'],
  servers: string[],
): AlertEvent => ({
  type: 'alert',
  t,
  state,
  rule: 'share-skew',
  servers,
  cause: 'load-balancer',
  message: `${servers.join(', ')} skewed`,
});
