/**
 * What one heatmap cell holds, for its tooltip and for a screen reader: a server's figures in
 * the frame under its column, or a band's (its servers' requests, errors and share summed,
 * its latency the request-weighted 95th percentile of theirs, as it is painted).
 */
import type { SeriesStore, ServerSeries } from '../../core/series/series-store';
import { formatDateTime, formatLatency } from '../../core/format/time-format';
import { weightedPercentile } from '../../core/series/weighted-percentile';
import { LUT_SIZE } from '../../core/format/colour-scale';
import { columnOfTime, timeOfColumn, type HeatmapGeometry } from './heatmap-geometry';
import { BAND_QUANTILE, bandRank, serverRank } from './heatmap-pixels';
import type { PlanRow } from './row-plan';

/** One cell's figures; NaN where there is nothing to say. */
export interface CellValues {
  /** the server's label or id, or the band's pool and count */
  name: string;
  /** the frame's t, or the column's when no frame lies in it */
  t: number;
  /** whether a frame in view holds a sample for the row */
  sampled: boolean;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  /** of every request in the frame, 0..1 */
  share: number;
  /** servers of the row down in the frame (0 or 1 for a server) */
  down: number;
  /** a band: how many servers it folds */
  count?: number;
}

/**
 * The ring slot of the frame the cell shows, or -1: of the frames in `column` (a long window
 * puts several in one), the worst for the row, as it is painted; the newest of equals.
 */
function slotOfColumn(
  store: SeriesStore,
  members: readonly ServerSeries[],
  row: PlanRow,
  column: number,
  g: HeatmapGeometry,
): number {
  const bins = new Float64Array(LUT_SIZE);
  const rankOf = (slot: number) =>
    row.kind === 'server' ? serverRank(members[0]!, slot) : bandRank(members, slot, bins);
  let best = -1;
  let bestRank = -1;
  const to = store.countAtOrBefore(timeOfColumn(column, g) + g.intervalMs);
  for (let i = store.countAtOrBefore(timeOfColumn(column, g) - g.intervalMs); i < to; i++) {
    const slot = store.slot(i);
    if (columnOfTime(store.times[slot]!, g) !== column) continue;
    const rank = rankOf(slot);
    if (rank >= bestRank) [best, bestRank] = [slot, rank];
  }
  return best;
}

/** "web: 1,980 servers", or "1,980 servers" for servers without a pool */
export function bandName(pool: string, count: number): string {
  const servers = `${count.toLocaleString('en-US')} server${count === 1 ? '' : 's'}`;
  return pool === '' ? servers : `${pool}: ${servers}`;
}

/** The figures of `row` at `column`, or undefined when the row is not in the store. */
export function cellValues(
  store: SeriesStore,
  row: PlanRow,
  column: number,
  g: HeatmapGeometry,
): CellValues | undefined {
  const members: ServerSeries[] =
    row.kind === 'server'
      ? [store.server(row.id)].flatMap((s) => s ?? [])
      : row.ids.flatMap((id) => store.server(id) ?? []);
  if (members.length === 0) return undefined;
  const slot = slotOfColumn(store, members, row, column, g);
  const name =
    row.kind === 'server'
      ? (members[0]!.label ?? members[0]!.id)
      : bandName(row.pool, row.ids.length);
  const values: CellValues = {
    name,
    t: slot < 0 ? timeOfColumn(column, g) : store.times[slot]!,
    sampled: false,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    requests: NaN,
    errors: NaN,
    share: NaN,
    down: 0,
    ...(row.kind === 'band' && { count: row.ids.length }),
  };
  if (slot < 0) return values;
  let requests = 0;
  let errors = 0;
  const p95s: number[] = [];
  const weights: number[] = [];
  for (const s of members) {
    const r = s.requests[slot]!;
    if (Number.isNaN(r)) continue;
    values.sampled = true;
    requests += r;
    errors += s.errors[slot]!;
    const up = s.up[slot] !== 0;
    if (!up) values.down++;
    p95s.push(s.p95[slot]!);
    weights.push(up ? r : 0);
  }
  if (!values.sampled) return values;
  let total = 0;
  for (const s of store.servers) if (!Number.isNaN(s.requests[slot]!)) total += s.requests[slot]!;
  values.requests = requests;
  values.errors = errors;
  values.share = total > 0 ? requests / total : NaN;
  if (row.kind === 'server') {
    const s = members[0]!;
    values.p50 = s.p50[slot]!;
    values.p95 = s.p95[slot]!;
    values.p99 = s.p99[slot]!;
  } else {
    values.p95 = weightedPercentile(p95s, weights, BAND_QUANTILE);
  }
  return values;
}

/** The cell as a heading and lines of text, in the source's words for its latency. */
export function cellLines(
  v: CellValues,
  tz: string,
  mean: boolean,
): { title: string; lines: string[] } {
  const lines = [formatDateTime(v.t, tz)];
  if (!v.sampled) return { title: v.name, lines: [...lines, 'no data'] };
  const figure = mean ? 'mean latency' : 'p95';
  if (Number.isNaN(v.p95)) lines.push('no latency');
  else if (v.count !== undefined)
    // a band's latency is its servers' figure, weighted by their requests
    lines.push(`${figure} ${formatLatency(v.p95)} (95th percentile of its servers, by requests)`);
  else if (mean) lines.push(`mean latency ${formatLatency(v.p95)}`);
  else
    lines.push(
      `p50 ${formatLatency(v.p50)} · p95 ${formatLatency(v.p95)} · p99 ${formatLatency(v.p99)}`,
    );
  const share = Number.isNaN(v.share) ? '–' : `${(v.share * 100).toFixed(1)}%`;
  const down =
    v.down === 0 ? '' : v.count === undefined ? ' · DOWN' : ` · ${v.down} of ${v.count} down`;
  const rate =
    v.errors > 0 && v.requests > 0 ? ` (${((v.errors / v.requests) * 100).toFixed(1)}%)` : '';
  lines.push(`${v.requests} requests, ${v.errors} errors${rate} · share ${share}${down}`);
  return { title: v.name, lines };
}
