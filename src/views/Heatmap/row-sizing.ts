/**
 * How tall a heatmap row is. On a desk the page scrolls, so rows keep a readable height up to
 * a budget; on a wall (kiosk) the rows share the height the heatmap's box has, so the heatmap
 * fills the screen it is given whatever its size.
 */

/** smallest row that still carries its server's name on a desk; below it rows are unlabelled */
export const MIN_ROW_PX = 10;
/** a wall's smallest labelled row, in the labels' font size: the name fits with a little air */
export const MIN_ROW_EM = 1.15;

const DESK_ROW_PX = 28;
export const DESK_BUDGET_PX = 560;

/** The smallest row that still shows its name in a font of `labelFontPx` (never under MIN_ROW_PX). */
export function legibleRowPx(labelFontPx: number): number {
  return Math.max(MIN_ROW_PX, Math.ceil(labelFontPx * MIN_ROW_EM));
}

/** How many rows of at least `minRowPx` fit in `availablePx` (at least one). */
export function rowsThatFit(availablePx: number, minRowPx: number): number {
  if (!(availablePx > 0) || !(minRowPx > 0)) return 1;
  return Math.max(1, Math.floor(availablePx / minRowPx));
}

/** Desk: 28 px rows until they pass the budget, then shrunk to stay within it. */
export function deskRowPx(rows: number): number {
  return rows * DESK_ROW_PX <= DESK_BUDGET_PX
    ? DESK_ROW_PX
    : Math.max(2, Math.floor(DESK_BUDGET_PX / rows));
}

/**
 * Wall: the box's height shared between the rows, whole pixels each. Rows past those that
 * fit at `minRowPx` shrink below it (unlabelled) rather than push the page into a scroll;
 * folding them is the row model's job, which reads rowsThatFit.
 */
export function fittedRowPx(availablePx: number, rows: number, minRowPx: number): number {
  if (rows <= 0 || !(availablePx > 0)) return minRowPx;
  return Math.max(2, Math.floor(availablePx / rows));
}
