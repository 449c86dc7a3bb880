/**
 * The view a link asks for (?window, ?from&to), applied to the store at start-up. Live, a
 * range pins the view to it; in a review it is the review's view, the cursor at its end.
 */
import type { DashboardStore } from './store';
import type { PageParams } from './url-params';

export function applyViewParams(store: DashboardStore, params: PageParams): void {
  const s = store.getState();
  if (params.window !== undefined) s.setWindow(params.window);
  const { from, to } = params;
  if (from !== undefined && to !== undefined && from < to) s.pinRange(from, to);
}

/** Where a review's cursor starts: ?t, else the end of ?from&to, else its first frame. */
export function initialReplayT(params: PageParams): number | undefined {
  if (params.t !== undefined) return params.t;
  const { from, to } = params;
  return from !== undefined && to !== undefined && from < to ? to : undefined;
}
