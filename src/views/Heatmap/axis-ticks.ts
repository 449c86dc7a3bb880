/**
 * Where the time axis puts its clock labels: a step chosen from the axis's pixel width and a
 * label's width, so labels never overlap each other, leave the axis, or run into the zone label
 * at its right end.
 */
import { xFraction, type HeatmapGeometry } from './heatmap-geometry';

/** label steps, in minutes: each a clock reading people count in */
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

/** What the axis measured on screen, in CSS pixels. */
export interface AxisBox {
  width: number;
  /** the widest clock label ("00:00") */
  labelWidth: number;
  /** the zone label ("UTC-4"), flush right */
  zoneWidth: number;
  /** least space between two labels */
  gap: number;
}

/** A label centred at `x` px from the axis's left edge. */
export interface AxisTick {
  t: number;
  x: number;
}

/**
 * The clock ticks for `g`, at whole steps of the zone's local time (`offsetMs` east of UTC).
 * Each label's box [x - labelWidth/2, x + labelWidth/2] lies inside the axis, left of the zone
 * label, and at least `gap` from the next.
 */
export function axisTicks(g: HeatmapGeometry, offsetMs: number, box: AxisBox): AxisTick[] {
  const spanMs = g.columns * g.intervalMs;
  if (!Number.isFinite(g.newestT) || !(box.width > 0) || !(spanMs > 0)) return [];
  const pxPerMs = box.width / spanMs;
  const room = box.labelWidth + box.gap;
  const stepMin = STEPS_MIN.find((m) => m * 60_000 * pxPerMs >= room);
  if (stepMin === undefined) return [];
  const stepMs = stepMin * 60_000;
  const half = box.labelWidth / 2;
  const right = box.width - box.zoneWidth - box.gap;
  const oldest = g.newestT - spanMs;
  const first = Math.ceil((oldest + offsetMs) / stepMs) * stepMs - offsetMs;
  const ticks: AxisTick[] = [];
  for (let t = first; t <= g.newestT + g.intervalMs; t += stepMs) {
    const fraction = xFraction(t, g);
    if (Number.isNaN(fraction)) continue;
    const x = fraction * box.width;
    if (x - half < 0 || x + half > right) continue;
    // the step keeps labels apart; this holds it should rounding say otherwise
    const last = ticks[ticks.length - 1];
    if (last !== undefined && x - last.x < room) continue;
    ticks.push({ t, x });
  }
  return ticks;
}
