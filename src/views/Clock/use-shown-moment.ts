import type { DashboardState } from '../../state/store';
import { selectViewEnd, useThrottledSelector } from '../store-context';

// the series changes in place: its newest time is read, not the series
const selectNewest = (s: DashboardState) => s.series.newestT;

/**
 * The moment on screen: a pinned view's end or the replay cursor, else the newest frame (NaN
 * before the first). A moved view shows within a quarter second, a new frame within a second.
 */
export function useShownMoment(): number {
  const viewEndT = useThrottledSelector(selectViewEnd, 250);
  const newestT = useThrottledSelector(selectNewest, 1000);
  return viewEndT ?? newestT;
}
