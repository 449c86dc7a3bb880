/**
 * Which rows of a long list of fixed-height rows to render: those in view, plus `overscan`
 * on either side so a scroll or a Tab shows rows that are already there.
 */
export interface RowWindow {
  /** first row rendered */
  start: number;
  /** one past the last row rendered */
  end: number;
}

export function rowWindow(
  scrollTop: number,
  viewportPx: number,
  rowPx: number,
  count: number,
  overscan: number,
): RowWindow {
  if (count === 0 || !(rowPx > 0)) return { start: 0, end: 0 };
  // a list that shrank leaves a scroll offset past its end until the browser clamps it
  const top = Math.max(0, Math.min(scrollTop, count * rowPx - viewportPx));
  const first = Math.floor(top / rowPx);
  const inView = Math.ceil(Math.max(0, viewportPx) / rowPx) + 1;
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, first + inView + overscan),
  };
}

/**
 * The newest rows that fit whole in `viewportPx`, for a list that never scrolls (a wall):
 * the latest events stay on screen, the oldest give way.
 */
export function latestRows(viewportPx: number, rowPx: number, count: number): RowWindow {
  if (count === 0 || !(rowPx > 0)) return { start: 0, end: 0 };
  const fit = Math.floor(Math.max(0, viewportPx) / rowPx);
  return { start: Math.max(0, count - fit), end: count };
}
