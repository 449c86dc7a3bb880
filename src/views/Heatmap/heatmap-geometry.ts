/**
 * Where a time falls on the heatmap: `columns` columns of `intervalMs` each (the frame
 * interval, or a multiple of it for a long window; see shown-window.ts), the view's end in the
 * rightmost column. Painting, the axis and the markers all use this, so a
 * marker sits exactly over the column of its time.
 */
export interface HeatmapGeometry {
  columns: number;
  intervalMs: number;
  /** t of the rightmost column */
  newestT: number;
}

export function columnOfTime(t: number, g: HeatmapGeometry): number {
  return g.columns - 1 - Math.round((g.newestT - t) / g.intervalMs);
}

export function timeOfColumn(column: number, g: HeatmapGeometry): number {
  return g.newestT - (g.columns - 1 - column) * g.intervalMs;
}

/** 0..1 across the heatmap's width, the middle of the time's column; NaN when off the left edge. */
export function xFraction(t: number, g: HeatmapGeometry): number {
  const exact = g.columns - 1 - (g.newestT - t) / g.intervalMs;
  if (exact < -0.5 || exact > g.columns - 0.5) return NaN;
  return (exact + 0.5) / g.columns;
}

/** The times xFraction places on the heatmap: [from, to], both ends included. */
export function timeWindow(g: HeatmapGeometry): [number, number] {
  return [g.newestT - (g.columns - 0.5) * g.intervalMs, g.newestT + 0.5 * g.intervalMs];
}
