import { formatDateTime, formatLatency } from '../../core/time-format';
import { useDashboard } from '../store-context';
import { timeOfColumn, type HeatmapGeometry } from './heatmap-geometry';

/** The cell under the pointer, in plot pixels and grid coordinates. */
export interface HoverCell {
  column: number;
  row: number;
  x: number;
  y: number;
}

export interface HeatmapTooltipProps {
  cell: HoverCell;
  geometry: HeatmapGeometry;
  tz: string;
}

/** Server, time, p50/p95/p99 (or the mean), requests and share of the hovered cell. */
export function HeatmapTooltip({ cell, geometry, tz }: HeatmapTooltipProps) {
  const series = useDashboard((s) => s.series);
  // a source that only knows a mean sends it as all three percentiles: one figure, so named
  const mean = useDashboard((s) => s.source?.latency === 'mean');
  const server = series.servers[cell.row];
  if (!server) return null;
  const t = timeOfColumn(cell.column, geometry);
  let slot = -1;
  for (let i = series.length - 1; i >= 0; i--) {
    const s = series.slot(i);
    if (Math.abs(series.times[s]! - t) <= geometry.intervalMs / 2) {
      slot = s;
      break;
    }
  }
  const requests = slot < 0 ? NaN : server.requests[slot]!;
  let total = 0;
  if (slot >= 0)
    for (const s of series.servers)
      total += Number.isNaN(s.requests[slot]!) ? 0 : s.requests[slot]!;
  return (
    <div className="heatmap-tooltip" style={{ left: cell.x + 14, top: cell.y + 14 }} role="tooltip">
      <strong>{server.label ?? server.id}</strong>
      <span>{formatDateTime(slot < 0 ? t : series.times[slot]!, tz)}</span>
      {slot < 0 || Number.isNaN(requests) ? (
        <span>no data</span>
      ) : (
        <>
          {Number.isNaN(server.p95[slot]!) ? (
            <span>no latency</span>
          ) : mean ? (
            <span>mean latency {formatLatency(server.p95[slot]!)}</span>
          ) : (
            <span>
              p50 {formatLatency(server.p50[slot]!)} · p95 {formatLatency(server.p95[slot]!)} · p99{' '}
              {formatLatency(server.p99[slot]!)}
            </span>
          )}
          <span>
            {requests} requests, {server.errors[slot]} errors · share{' '}
            {total > 0 ? `${((requests / total) * 100).toFixed(1)}%` : '–'}
            {server.up[slot] === 0 ? ' · DOWN' : ''}
          </span>
        </>
      )}
    </div>
  );
}
