/**
 * Where things sit on the overview strip: its box spans the recording's first frame to its
 * last, left edge to right edge, so a time is a plain fraction of the width, and a point on
 * it is a time. The events drawn on it are every note and every alert episode of the whole
 * recording, joined into one flag where they crowd.
 */
import type { Annotation } from '../../core/protocol/protocol';
import type { HeatmapGeometry } from '../Heatmap/heatmap-geometry';
import { groupByPixels, type MarkerGroup } from '../Heatmap/marker-groups';

/** 0..1 across the strip, clamped to it. */
export function spanFraction(t: number, from: number, to: number): number {
  if (!(to > from)) return 0;
  return Math.min(1, Math.max(0, (t - from) / (to - from)));
}

/**
 * The time under a point `fraction` across the strip, on the frames' grid as the scrub bar
 * steps (a frame every `intervalMs` from `from`), inside [from, to].
 */
export function timeAtFraction(
  fraction: number,
  from: number,
  to: number,
  intervalMs: number,
): number {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const t = from + f * (to - from);
  const snapped = intervalMs > 0 ? from + Math.round((t - from) / intervalMs) * intervalMs : t;
  return Math.min(to, Math.max(from, snapped));
}

/** columns the span is cut into for the time axis: any count works, this one is fine enough */
const AXIS_COLUMNS = 1000;

/**
 * A heatmap geometry that puts [from, to] across the whole width, linearly, so the heatmap's
 * time axis (its non-overlapping labels) can label the strip.
 */
export function spanGeometry(from: number, to: number): HeatmapGeometry {
  const intervalMs = (to - from) / AXIS_COLUMNS;
  // xFraction places a time at the middle of its column: half a column in, the ends meet
  return { columns: AXIS_COLUMNS, intervalMs, newestT: to - intervalMs / 2 };
}

/**
 * The events of the whole recording, in time order: the notes held (the detector's alerts
 * among them only as far as the cursor) with every alert episode in their place.
 */
export function overviewEvents(
  annotations: readonly Annotation[],
  alertEpisodes: readonly Annotation[],
): Annotation[] {
  const notes = annotations.filter((a) => !(a.kind === 'alert' && a.source === 'detector'));
  return [...notes, ...alertEpisodes].sort((a, b) => a.t - b.t);
}

/**
 * One flag per event in [from, to], events closer than `flagWidth` (a fraction of the width)
 * joined into one (`start` and `count` index `events`).
 */
export function overviewFlags(
  events: readonly Annotation[],
  from: number,
  to: number,
  flagWidth: number,
): MarkerGroup[] {
  const markers: MarkerGroup[] = [];
  events.forEach((a, i) => {
    if (a.t >= from && a.t <= to) markers.push({ t: a.t, start: i, count: 1, kind: a.kind });
  });
  return groupByPixels(markers, (t) => spanFraction(t, from, to), flagWidth);
}
