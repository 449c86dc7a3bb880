/**
 * How the replay bar follows the cursor: a move of play waits for the bar's next turn (it
 * moves every animation frame, and a clock read ten times a second is smooth to the eye);
 * a seek, a step, a pause or a play shows at once.
 */

/** the bar's turn while playing: ten a second */
export const PLAYING_CURSOR_GAP_MS = 100;

/** What the bar shows of the cursor. */
export interface CursorShown {
  cursor: number;
  playing: boolean;
  /** the replay's count of seeks: a new one is a move by hand */
  seeks: number;
}

/** whether `next` differs from what is shown */
export function cursorChanged(shown: CursorShown | undefined, next: CursorShown | undefined) {
  return (
    shown?.cursor !== next?.cursor ||
    shown?.playing !== next?.playing ||
    shown?.seeks !== next?.seeks
  );
}

/** whether `next` shows at once rather than at the bar's next turn */
export function showsAtOnce(shown: CursorShown | undefined, next: CursorShown | undefined) {
  if (shown === undefined || next === undefined) return true;
  return !next.playing || shown.playing !== next.playing || shown.seeks !== next.seeks;
}
