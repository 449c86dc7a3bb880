import type { DashboardState } from '../../state/store';
import { useThrottledSelector, type ThrottleOptions } from '../store-context';
import { cursorChanged, PLAYING_CURSOR_GAP_MS, showsAtOnce, type CursorShown } from './cursor-pace';

const cursorOf = ({ replay }: DashboardState): CursorShown | undefined =>
  replay && { cursor: replay.cursor, playing: replay.playing, seeks: replay.seeks };

const CURSOR_PACE: ThrottleOptions<CursorShown | undefined> = {
  changed: cursorChanged,
  atOnce: showsAtOnce,
};

/**
 * The replay cursor as the bar shows it: while playing, at most every PLAYING_CURSOR_GAP_MS
 * (on the page's frame loop); a seek, a step, a pause or a play at once.
 */
export function useReplayCursor(): CursorShown | undefined {
  return useThrottledSelector(cursorOf, PLAYING_CURSOR_GAP_MS, CURSOR_PACE);
}
