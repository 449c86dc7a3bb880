/**
 * Turns the alert transitions the store receives into desktop notifications, as the pure
 * decision says. A controller beside the store: the browser's side comes in as `desktop`.
 */
import type { AlertEvent } from '../core/detector';
import { freshTransitions, notificationFor, type DesktopNotification } from './notify-decision';
import { selectPageMode } from './page-title';
import type { DashboardStore } from './store';

/** The browser's notifications, as the notifier needs them. */
export interface Desktop {
  show(notification: DesktopNotification): void;
}

/** Starts notifying; returns the stop. */
export function startAlertNotifier(store: DashboardStore, desktop: Desktop): () => void {
  let firing = new Set<string>();
  return store.subscribe((s, prev) => {
    if (s.alertHistory === prev.alertHistory) return;
    // the history is trimmed from the front and cleared on reset: new means not there before
    const before = new Set<AlertEvent>(prev.alertHistory);
    const added = s.alertHistory.filter((e) => !before.has(e));
    const next = freshTransitions(firing, added);
    firing = next.firing;
    const settings = {
      mode: selectPageMode(s),
      permission: s.notifyPermission,
      choice: s.notifyChoice,
    };
    for (const e of next.fresh) {
      const notification = notificationFor(settings, e);
      if (notification) desktop.show(notification);
    }
  });
}
