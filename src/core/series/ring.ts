/**
 * Where things sit in a ring buffer of `size` slots whose oldest (or leftmost) one is at
 * `start`: the series store's frame slots, the gateway's frame log and the heatmap's pixel
 * rows all keep their order this way, so the wrap arithmetic is written here once.
 */

/** Ring slot of the i-th element counted from `start` (0 = the one at `start`). */
export function ringSlot(start: number, i: number, size: number): number {
  return (start + i) % size;
}

/** `start` moved on by `k` slots: the ring after its `k` oldest went. */
export function advanceRingStart(start: number, k: number, size: number): number {
  return ringSlot(start, k, size);
}

/** One stretch of consecutive ring slots: `length` slots from `at`, for positions from `offset`. */
export interface RingRun {
  /** first ring slot */
  at: number;
  length: number;
  /** how far into the range asked for it begins */
  offset: number;
}

/**
 * The ring slots that the positions [from, to) counted from `start` cover: one run, or two
 * when they wrap past the end; none for an empty range.
 */
export function ringRuns(start: number, from: number, to: number, size: number): RingRun[] {
  const n = to - from;
  if (n <= 0) return [];
  const at = ringSlot(start, from, size);
  const first = Math.min(n, size - at);
  return first < n
    ? [
        { at, length: first, offset: 0 },
        { at: 0, length: n - first, offset: first },
      ]
    : [{ at, length: n, offset: 0 }];
}
