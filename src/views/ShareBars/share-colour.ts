/** How far off its share a server is, as a colour: orange over, blue under (safe for red-green). */
export const SHARE_OVER = 1.25;
export const SHARE_UNDER = 0.8;

export function shareColour(ratio: number): string {
  if (!Number.isFinite(ratio)) return ratio === Infinity ? '#ff7a33' : '#5b6474';
  if (ratio >= SHARE_OVER) return '#ff7a33';
  if (ratio <= SHARE_UNDER) return '#4da3ff';
  return '#9aa5b1';
}
