/**
 * Which markers the heatmap's time axis draws: one per annotation in view while they are few,
 * else one per bucket of time. Buckets are fixed in time, not in pixels, so a group keeps its
 * notes as the view slides; they are worked out when the notes change, not on every frame.
 */
import type { Annotation, AnnotationKind } from '../../core/protocol';
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
