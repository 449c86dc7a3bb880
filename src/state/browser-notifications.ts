/** The browser's Notification API, read where it may be missing, and kept in the store. */
import type { Desktop } from './alert-notifier';
import { notifyUnavailableReason, type NotifyPermission } from './notify-decision';
import type { DashboardStore } from './store';

const api = (): typeof Notification | undefined =>
  typeof Notification === 'undefined' ? undefined : Notification;

function readPermission(): { permission: NotifyPermission; unavailable?: string } {
  const unavailable = notifyUnavailableReason({
    hasNotificationApi: api() !== undefined,
    secureContext: globalThis.isSecureContext !== false,
  });
  if (unavailable !== undefined) return { permission: 'unavailable', unavailable };
  return { permission: api()!.permission };
}

/** Puts the permission in the store now and whenever the browser's settings change it. */
export function followNotifyPermission(store: DashboardStore): void {
  const update = () => {
    const { permission, unavailable } = readPermission();
    store.getState().setNotifyPermission(permission, unavailable);
  };
  update();
  // best effort: not every browser reports changes made in its site settings
  void navigator.permissions
    ?.query({ name: 'notifications' })
    .then((status) => status.addEventListener('change', update))
    .catch(() => undefined);
}

/** Asks the browser (a click must lead here) and puts the answer in the store. */
export async function requestNotifyPermission(store: DashboardStore): Promise<NotifyPermission> {
  const Api = api();
  if (Api && readPermission().permission === 'default') await Api.requestPermission();
  const { permission, unavailable } = readPermission();
  store.getState().setNotifyPermission(permission, unavailable);
  return permission;
}

export const browserDesktop: Desktop = {
  show({ title, body, tag }) {
    const Api = api();
    // the permission can be withdrawn in the browser's settings between two alerts
    if (Api?.permission === 'granted') new Api(title, { body, tag });
  },
};
