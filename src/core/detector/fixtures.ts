/**
 * Test fixtures: pools built from plain counts, so a rule's table reads in requests and
 * weights rather than in pre-computed ratios. Only tests import this.
 */
import { poolMetrics, type PoolMetrics, type ServerMetrics } from './metrics';
import { poolWindows, type Row } from './window';

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
  const pools = poolWindows(frames.map((r, i) => ({ t: (i + 1) * 10_000, rows: r })));
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
