import { useLayoutEffect, useRef } from 'react';
import { useDashboard } from '../store-context';
import { cellLines, cellValues } from './cell-values';
import type { HeatmapGeometry } from './heatmap-geometry';
import type { PlanRow } from './row-plan';

/** The cell shown, in plot pixels and grid coordinates (row: of the row plan). */
export interface HoverCell {
  column: number;
  row: number;
  x: number;
  y: number;
  /** the plot's width, px: past its middle the tooltip opens to the left */
  width?: number;
}

export interface HeatmapTooltipProps {
  cell: HoverCell;
  /** the plan's row under the cell */
  row: PlanRow;
  geometry: HeatmapGeometry;
  tz: string;
}

/** Server (or band), time, p50/p95/p99 (or the mean), requests and share of one cell. */
export function HeatmapTooltip({ cell, row, geometry, tz }: HeatmapTooltipProps) {
  const series = useDashboard((s) => s.series);
  // a source that only knows a mean sends it as all three percentiles: one figure, so named
  const mean = useDashboard((s) => s.source?.latency === 'mean');
  const box = useRef<HTMLDivElement>(null);
  // on a narrow screen the plot is narrower than the tooltip: keep it on the screen
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.translate = '';
    const { left, right } = el.getBoundingClientRect();
    const room = document.documentElement.clientWidth;
    if (left < 0) el.style.translate = `${-left}px`;
    else if (right > room) el.style.translate = `${Math.max(-left, room - right)}px`;
  });
  const values = cellValues(series, row, cell.column, geometry);
  if (!values) return null;
  const { title, lines } = cellLines(values, tz, mean);
  const toLeft = cell.width !== undefined && cell.x > cell.width / 2;
  const place = toLeft
    ? { right: cell.width! - cell.x + 14, top: cell.y + 14 }
    : { left: cell.x + 14, top: cell.y + 14 };
  return (
    <div ref={box} className="heatmap-tooltip" style={place} role="tooltip">
      <strong>{title}</strong>
      {lines.map((line, i) => (
        <span key={i}>{line}</span>
      ))}
    </div>
  );
}
