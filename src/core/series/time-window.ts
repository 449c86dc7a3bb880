/**
 * The heatmap's time window as numbers: durations as people write them ("15m", "6h"), the
 * span a live view fitted to its data shows, and how many columns a span takes, bounded.
 */

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };

/** shortest and longest window a page accepts: a day of frames is past any store's capacity */
export const MIN_WINDOW_MS = 60_000;
export const MAX_WINDOW_MS = 24 * 3600_000;
/** a live view never shows less than this, however little data it has */
export const MIN_FITTED_MS = 5 * 60_000;
/**
 * most columns drawn, whatever the window: 6 h of 10 s frames. A longer run of frames puts
 * several in one column (the newest wins), so a canvas row never outgrows a screen many times.
 */
export const MAX_COLUMNS = 2160;

/** "15m", "1h", "90s", "2d" to ms; undefined for anything else or out of bounds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,5})([smhd])$/.exec(text.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]!]!;
  return ms >= MIN_WINDOW_MS && ms <= MAX_WINDOW_MS ? ms : undefined;
}

/** ms as the largest whole unit: 900000 -> "15m", 7200000 -> "2h", 5400000 -> "90m". */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm'] as const) {
    const size = UNIT_MS[unit]!;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}

/** the spans a fitted view steps through, in minutes: each at most 4/3 of the one before */
const FITTED_STEPS_MIN = [
  5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 180, 240, 300, 360, 480, 600, 720,
  960, 1200, 1440,
];

/**
 * The span a live view shows when it holds `dataMs` of frames and the window is `windowMs`:
 * the first step that holds the data (at least MIN_FITTED_MS), at most the window. Steps
 * rather than the data's exact span, so the columns stay put for minutes at a time and at
 * most a quarter of the view is empty.
 */
export function fittedSpan(dataMs: number, windowMs: number): number {
  if (!(dataMs > 0)) return Math.min(MIN_FITTED_MS, windowMs);
  const step = FITTED_STEPS_MIN.find((m) => m * 60_000 >= dataMs);
  return Math.min(windowMs, step === undefined ? windowMs : step * 60_000);
}

/** How a span is laid out in columns. */
export interface ColumnLayout {
  columns: number;
  /** time one column covers: the frame interval, or a whole multiple of it past MAX_COLUMNS */
  columnMs: number;
}

/** The columns `spanMs` takes at one per `intervalMs`, at most `maxColumns`. */
export function columnLayout(
  spanMs: number,
  intervalMs: number,
  maxColumns = MAX_COLUMNS,
): ColumnLayout {
  const frames = Math.max(1, Math.ceil(spanMs / intervalMs - 1e-9));
  const perColumn = Math.ceil(frames / maxColumns);
  const columnMs = perColumn * intervalMs;
  return { columns: Math.max(1, Math.ceil(spanMs / columnMs - 1e-9)), columnMs };
}

/**
 * Frames a store must hold for `windowMs` at `intervalMs`, between `least` (what it holds
 * anyway) and `most` (the memory a tab may spend on it).
 */
export function framesForWindow(
  windowMs: number,
  intervalMs: number,
  least: number,
  most: number,
): number {
  const frames = Math.ceil(windowMs / intervalMs);
  return Math.min(most, Math.max(least, frames));
}
