/**
 * A big pool's share bars show the servers furthest from their weighted share: a thousand bars
 * say nothing from across a room, and nobody needs to read the hundreds that are fine.
 */
import type { ServerShare } from './share-window';

/** How far off its share a server is, either way (0 = on target, Infinity = none expected). */
export function shareDeviation(s: ServerShare): number {
  if (!Number.isFinite(s.ratio)) return Number.isNaN(s.ratio) ? -1 : Infinity;
  return s.ratio === 0 ? Infinity : Math.abs(Math.log(s.ratio));
}

/**
 * At most `max` servers: those named in `first` (firing alerts), then the furthest off their
 * share; kept in the pool's order so a server's row does not jump about.
 */
export function shareOutliers(
  rows: ServerShare[],
  max: number,
  first: ReadonlySet<string>,
): ServerShare[] {
  if (rows.length <= max) return rows;
  const ranked = [...rows].sort(
    (a, b) =>
      Number(first.has(b.id)) - Number(first.has(a.id)) || shareDeviation(b) - shareDeviation(a),
  );
  const kept = new Set(ranked.slice(0, max).map((r) => r.id));
  return rows.filter((r) => kept.has(r.id));
}
