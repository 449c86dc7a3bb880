/**
 * Where the view goes when someone picks an event: the event in the middle of the heatmap,
 * or back to following live when that middle is past the newest frame.
 */
export function viewEndFor(t: number, spanMs: number, newestT: number): number | undefined {
  const end = t + spanMs / 2;
  return Number.isNaN(newestT) || end >= newestT ? undefined : end;
}
