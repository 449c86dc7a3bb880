/**
 * The page's annotations as one array in time order (t, then id), changed in batches: a flood
 * of notes costs one merge per batch, and a view finds the ones in its window by binary search
 * rather than by filtering every note on every frame.
 */
import type { Annotation } from '../core/protocol/protocol';

/** One change from the gateway or the page: an upsert by id, or a removal. */
export type AnnotationChange = { upsert: Annotation } | { remove: string };

export const byTime = (a: Annotation, b: Annotation): number =>
  a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Index of the first item whose key is >= `key` in a list sorted by key (length when none). */
export function lowerBound<T>(list: readonly T[], key: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose key is > `key` (length when none). */
export function upperBound<T>(list: readonly T[], key: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid]!) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const timeOf = (a: Annotation) => a.t;

/** [start, end) of the annotations with from <= t <= to, in a list in time order. */
export function rangeBetween(
  list: readonly Annotation[],
  from: number,
  to: number,
): [number, number] {
  const start = lowerBound(list, from, timeOf);
  return [start, Math.max(start, upperBound(list, to, timeOf))];
}

/**
 * `held` (in time order) with `changes` applied in order, keeping the newest `max`. Returns
 * `held` itself when nothing changed, so views subscribed to the list do not re-render.
 */
export function applyChanges(
  held: readonly Annotation[],
  changes: readonly AnnotationChange[],
  max: number,
): readonly Annotation[] {
  // the last change for an id wins; undefined = removed
  const last = new Map<string, Annotation | undefined>();
  for (const c of changes) {
    if ('upsert' in c) last.set(c.upsert.id, c.upsert);
    else last.set(c.remove, undefined);
  }
  // an annotation resent as it is held (a gateway resends every one on reconnecting) is no
  // change: the list stays the same array, so nothing redraws for it
  for (const a of held) {
    const next = last.get(a.id);
    if (next !== undefined && sameAnnotation(a, next)) last.delete(a.id);
  }
  if (last.size === 0) return held;
  const kept = held.filter((a) => !last.has(a.id));
  const added: Annotation[] = [];
  for (const a of last.values()) if (a !== undefined) added.push(a);
  if (added.length === 0 && kept.length === held.length) return held;
  added.sort(byTime);
  const merged = mergeSorted(kept, added);
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}

/** the same fields with the same values: both come off the wire or from one constructor */
const sameAnnotation = (a: Annotation, b: Annotation) =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

function mergeSorted(a: readonly Annotation[], b: readonly Annotation[]): Annotation[] {
  if (b.length === 0) return a as Annotation[];
  // the common case, a note newer than any held: no interleaving
  if (a.length === 0 || byTime(a[a.length - 1]!, b[0]!) <= 0) return [...a, ...b];
  const out = new Array<Annotation>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byTime(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * `list` (in time order) without the annotations over before `cutoff` (ending, or if a
 * moment, at a t before it); `list` itself when none is (so no view re-renders). Only a prefix can be over: a span
 * that started before the cutoff and runs past it stays.
 */
export function dropEndedBefore(
  list: readonly Annotation[],
  cutoff: number,
): readonly Annotation[] {
  const startedBefore = lowerBound(list, cutoff, timeOf);
  if (startedBefore === 0) return list;
  const kept = list.slice(0, startedBefore).filter((a) => (a.endT ?? a.t) >= cutoff);
  return kept.length === startedBefore ? list : [...kept, ...list.slice(startedBefore)];
}
