/**
 * How many alerts a banner of limited height shows, in order: all of them when they fit,
 * else as many whole ones as fit above a "+N more" line. Never none: the first alert is why
 * the wall is red.
 *
 * `bottoms` are each alert's bottom edge, from the top of the list, as laid out with all of
 * them shown; `roomPx` the height the list may take; `moreLinePx` the "+N more" line's.
 */
export function alertsThatFit(
  bottoms: readonly number[],
  roomPx: number,
  moreLinePx: number,
): number {
  const last = bottoms.at(-1);
  if (last === undefined || last <= roomPx) return bottoms.length;
  const room = roomPx - moreLinePx;
  let shown = 0;
  while (shown < bottoms.length && bottoms[shown]! <= room) shown++;
  return Math.max(1, shown);
}
