/**
 * The stretch of time the heatmap shows, worked out from the view and the data: what the
 * canvas, the axis, the markers, the timeline's jumps and the exports all read, so they agree.
 */
import { columnLayout, fittedSpan } from '../core/series/time-window';
import { SERIES_CAPACITY } from './series-slice';
import type { DashboardState } from './store';

/** What the view needs to know to place itself. */
export interface ShownWindowInput {
  windowMs: number | undefined;
  rangeMs: number | undefined;
  viewEndT: number | undefined;
  /** the newest and oldest frame held (NaN when none) */
  newestT: number;
  oldestT: number;
  intervalMs: number;
}

/** The heatmap's columns over time: columns of `columnMs`, the rightmost at `to`. */
export interface ShownWindow {
  /** the left edge, `to - columns * columnMs` */
  from: number;
  /** t of the rightmost column; NaN while there is nothing to show */
  to: number;
  columns: number;
  columnMs: number;
  /** whether it follows the newest frame, fitted to the data held */
  following: boolean;
}

/** the window when none is chosen: what the series store holds at this interval (2 h at 10 s) */
export const defaultWindowMs = (intervalMs: number) => SERIES_CAPACITY * intervalMs;

/**
 * A pinned view shows its range, else the window, ending at the pin. A live one shows the
 * data it holds (fitted, growing in steps) up to the window, ending at the newest frame.
 */
export function shownWindow(v: ShownWindowInput): ShownWindow {
  const windowMs = v.windowMs ?? defaultWindowMs(v.intervalMs);
  const following = v.viewEndT === undefined;
  const to = v.viewEndT ?? v.newestT;
  const span = following
    ? fittedSpan(v.newestT - v.oldestT + v.intervalMs, windowMs)
    : (v.rangeMs ?? windowMs);
  const { columns, columnMs } = columnLayout(span, v.intervalMs);
  return { from: to - columns * columnMs, to, columns, columnMs, following };
}

/** The span a view pinned now would show: a pinned range's, else the window. */
export function pinnedSpanOf(s: DashboardState): number {
  return s.rangeMs ?? s.windowMs ?? defaultWindowMs(s.source?.intervalMs ?? 1000);
}

/** shownWindow of the store's state now */
export function shownWindowOf(s: DashboardState): ShownWindow {
  return shownWindow({
    windowMs: s.windowMs,
    rangeMs: s.rangeMs,
    viewEndT: s.viewEndT,
    newestT: s.series.newestT,
    oldestT: s.series.oldestT,
    intervalMs: s.source?.intervalMs ?? 1000,
  });
}
