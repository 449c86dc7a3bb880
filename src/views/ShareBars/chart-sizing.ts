/**
 * The share chart's sizes. On a desk they are fixed pixels and the chart is as tall as its
 * bars; on a wall they follow the page's font (which follows the screen) and the bars share
 * the height the layout gives the chart, so they thicken with the screen.
 */
export interface ChartSizing {
  /** the chart's height, or undefined: the layout's */
  heightPx: number | undefined;
  /** each bar's thickness, or undefined: recharts shares the height out */
  barPx: number | undefined;
  namePx: number;
  tickPx: number;
  nameAxisPx: number;
  tickAxisPx: number;
  /** every bar named, rather than recharts dropping names that would overlap */
  everyName: boolean;
  /** room at the right for a ratio at the end of the longest bar */
  rightPx: number;
}

const DESK_BAR_PX = 12;

export function deskChartSizing(rows: number, longestName: number): ChartSizing {
  const namePx = 12;
  return {
    heightPx: Math.max(120, rows * (DESK_BAR_PX * 2 + 6) + 40),
    barPx: DESK_BAR_PX,
    namePx,
    tickPx: 12,
    nameAxisPx: Math.min(200, Math.max(64, (longestName + 2) * namePx * 0.62)),
    tickAxisPx: 30,
    everyName: false,
    rightPx: 16,
  };
}

/** `fontPx`: the page's font size on the wall; `heightPx`: the chart's box. */
export function wallChartSizing(
  rows: number,
  longestName: number,
  fontPx: number,
  heightPx: number,
): ChartSizing {
  const namePx = Math.round(fontPx * 0.85);
  const tickPx = Math.round(fontPx * 0.75);
  const tickAxisPx = Math.round(tickPx * 1.9);
  const band = rows > 0 ? (heightPx - tickAxisPx) / rows : Infinity;
  return {
    heightPx: undefined,
    barPx: undefined,
    namePx,
    tickPx,
    nameAxisPx: Math.min(namePx * 16, Math.max(namePx * 4.5, (longestName + 2) * namePx * 0.62)),
    tickAxisPx,
    everyName: band >= namePx * 1.1,
    rightPx: Math.round(namePx * 3),
  };
}
