/**
 * What a live page keeps beside its series: the notes and alert transitions of its window,
 * not of every week it has been open. In a review the recording is the whole story and
 * nothing is forgotten; this is called by the live feed only.
 */
import { SERIES_MAX_AGE_MS } from './series-slice';
import type { DashboardState } from './store';

/** how far back from the newest frame a live page keeps notes and alerts: its series' age bound */
export const LIVE_HISTORY_MS = SERIES_MAX_AGE_MS;

type Held = Pick<
  DashboardState,
  'annotations' | 'alertHistory' | 'forgetAnnotationsBefore' | 'forgetAlertHistoryBefore'
>;

/** Forgets what ended more than LIVE_HISTORY_MS before `newestT` (cheap when nothing has). */
export function forgetBeyondLiveWindow(state: () => Held, newestT: number): void {
  if (Number.isNaN(newestT)) return;
  const cutoff = newestT - LIVE_HISTORY_MS;
  // notes are in time order: only when the oldest started before the cutoff can one be over
  const oldest = state().annotations[0];
  if (oldest !== undefined && oldest.t < cutoff) state().forgetAnnotationsBefore(cutoff);
  state().forgetAlertHistoryBefore(cutoff);
}
