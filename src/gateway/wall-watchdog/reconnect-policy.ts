/**
 * When to try the browser again after losing it: quickly at first (a restart by systemd takes
 * seconds), then every MAX_DELAY_MS, so a wall switched off for the night costs nothing.
 */
const FIRST_DELAY_MS = 500;
export const MAX_DELAY_MS = 10_000;

/** The wait before the attempt after `failures` failed ones in a row. */
export function reconnectDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - 1, 20));
}
