/**
 * Which markers the heatmap's time axis draws: one per annotation in view while they are few,
 * else one per bucket of time. Buckets are fixed in time, not in pixels, so a group keeps its
 * notes as the view slides; they are worked out when the notes change, not on every frame.
 */
import type { Annotation, AnnotationKind } from '../../core/protocol/protocol';
import { lowerBound, rangeBetween, upperBound } from '../../state/annotation-list';

/** Notes next to each other in time, drawn as one marker. */
export interface MarkerGroup {
  /** where the marker sits: the middle of its bucket, so groups never crowd each other */
  t: number;
  /** index of its first note in the list */
  start: number;
  count: number;
  /** the kind every note in it shares, or undefined when they differ */
  kind: AnnotationKind | undefined;
}

/** What to draw: annotations [start, end) one each, or groups [start, end). */
export type MarkerPlan =
  { by: 'note'; start: number; end: number } | { by: 'group'; start: number; end: number };

/** Groups a list in time order into buckets of `bucketMs`. */
export function groupByTime(list: readonly Annotation[], bucketMs: number): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  let bucket = NaN;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = Math.floor(a.t / bucketMs);
    const open = groups[groups.length - 1];
    if (open !== undefined && b === bucket) {
      open.count++;
      if (open.kind !== a.kind) open.kind = undefined;
    } else {
      bucket = b;
      groups.push({ t: (b + 0.5) * bucketMs, start: i, count: 1, kind: a.kind });
    }
  }
  return groups;
}

const groupTime = (g: MarkerGroup) => g.t;

/** The markers for [from, to]: each note when at most `limit` are in it, else the groups. */
export function planMarkers(
  list: readonly Annotation[],
  groups: readonly MarkerGroup[],
  from: number,
  to: number,
  limit: number,
): MarkerPlan {
  const [start, end] = rangeBetween(list, from, to);
  if (end - start <= limit) return { by: 'note', start, end };
  const first = lowerBound(groups, from, groupTime);
  return { by: 'group', start: first, end: Math.max(first, upperBound(groups, to, groupTime)) };
}

/**
 * Joins markers drawn closer than `flagWidth` (both in fractions of the heatmap's width):
 * each group takes the markers within a flag's width right of its first, and sits at that
 * first one's x, so no two flags drawn overlap. `markers` are in time order, each a run of
 * notes in the list right after the one before (a note's own group of one, or a bucket).
 */
export function groupByPixels(
  markers: readonly MarkerGroup[],
  x: (t: number) => number,
  flagWidth: number,
): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  let openX = NaN;
  for (const m of markers) {
    const at = x(m.t);
    const open = groups[groups.length - 1];
    if (open !== undefined && at - openX < flagWidth) {
      open.count += m.count;
      if (open.kind !== m.kind) open.kind = undefined;
    } else {
      openX = at;
      groups.push({ ...m });
    }
  }
  return groups;
}

/** The markers a plan draws, before they are joined by pixels: one per note, or the buckets. */
export function plannedMarkers(
  list: readonly Annotation[],
  groups: readonly MarkerGroup[],
  plan: MarkerPlan,
): MarkerGroup[] {
  const out: MarkerGroup[] = [];
  for (let i = plan.start; i < plan.end; i++) {
    if (plan.by === 'group') out.push(groups[i]!);
    else out.push({ t: list[i]!.t, start: i, count: 1, kind: list[i]!.kind });
  }
  return out;
}
