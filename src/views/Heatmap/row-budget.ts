/**
 * How many heatmap rows fit at a height that can still be read: past that, a fleet folds
 * (row-plan.ts) rather than squeeze its rows to slivers. The layout may later give the
 * budget from the box's own height; the fold only needs the count.
 */

/** the height rows share before they shrink, px */
export const ROW_BUDGET_PX = { desk: 560, kiosk: 720 };
/** the least height a row's label reads at, px: a desk's small type, a wall's from a room */
export const LEGIBLE_ROW_PX = { desk: 12, kiosk: 20 };

const kind = (kiosk: boolean) => (kiosk ? 'kiosk' : 'desk');

/** Rows that fit the budget at a legible height. */
export function rowsThatFit(kiosk: boolean): number {
  return Math.floor(ROW_BUDGET_PX[kind(kiosk)] / LEGIBLE_ROW_PX[kind(kiosk)]);
}

/** The least height a row gets; more rows than fit then scroll in their box. */
export const legibleRowPx = (kiosk: boolean): number => LEGIBLE_ROW_PX[kind(kiosk)];
