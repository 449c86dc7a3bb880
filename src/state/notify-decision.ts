/**
 * Whether an alert transition becomes a desktop notification, and what it says; and what the
 * "Notify me of alerts" toggle shows. Pure: the page's mode, the browser's permission and the
 * person's choice come in as values, so every case is a row in a table.
 */
import { alertId, type AlertEvent } from '../core/detector/alert';

/** live: a gateway's feed now; replay: a recording, however recent its frames look */
export type PageMode = 'live' | 'replay';

/** what the browser allows; `unavailable` when this page cannot notify at all */
export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unavailable';

/** what the person chose on this browser; undefined until they choose */
export type NotifyChoice = 'on' | 'off' | undefined;

/** What the toggle shows (its `data-state`). */
export type NotifyToggleState = 'on' | 'off' | 'blocked' | 'unavailable';

export interface NotifySettings {
  mode: PageMode;
  permission: NotifyPermission;
  choice: NotifyChoice;
}

/** One desktop notification, ready for `new Notification(title, { body, tag })`. */
export interface DesktopNotification {
  title: string;
  body: string;
  tag: string;
}

/** What the browser offers this page, as read from `window`. */
export interface NotifyEnvironment {
  hasNotificationApi: boolean;
  secureContext: boolean;
}

/** Why this page cannot notify, in the words the toggle shows; undefined when it can. */
export function notifyUnavailableReason(env: NotifyEnvironment): string | undefined {
  // browsers refuse notifications to plain HTTP pages off localhost even where the API exists
  if (!env.secureContext) return 'needs HTTPS or localhost';
  if (!env.hasNotificationApi) return 'this browser has no desktop notifications';
  return undefined;
}

export function notifyToggleState(
  permission: NotifyPermission,
  choice: NotifyChoice,
): NotifyToggleState {
  if (permission === 'unavailable') return 'unavailable';
  if (permission === 'denied') return 'blocked';
  // a browser that already lets this page notify was asked to by someone: on until turned off
  return permission === 'granted' && choice !== 'off' ? 'on' : 'off';
}

/** The notification for one alert transition, or undefined when none is due. */
export function notificationFor(
  settings: NotifySettings,
  event: AlertEvent,
): DesktopNotification | undefined {
  // a recording's alerts are history: nobody is to be paged for them
  if (settings.mode === 'replay') return undefined;
  if (notifyToggleState(settings.permission, settings.choice) !== 'on') return undefined;
  const servers = event.servers.join(', ');
  return {
    title:
      event.state === 'firing'
        ? `⚠ ${event.rule}: ${servers}`
        : `✓ resolved: ${event.rule}: ${servers}`,
    body: event.message,
    // one per transition: the resolution must not silently replace the firing one
    tag: `${alertId(event.rule, event.servers)}:${event.state}`,
  };
}

/**
 * The transitions worth telling about: a firing alert already told of (a gateway re-sends
 * what fires when a page reconnects) is not news. Returns the alerts known to fire after.
 */
export function freshTransitions(
  firing: ReadonlySet<string>,
  events: readonly AlertEvent[],
): { firing: Set<string>; fresh: AlertEvent[] } {
  const next = new Set(firing);
  const fresh: AlertEvent[] = [];
  for (const e of events) {
    const id = alertId(e.rule, e.servers);
    if (e.state === 'firing') {
      if (next.has(id)) continue;
      next.add(id);
    } else next.delete(id);
    fresh.push(e);
  }
  return { firing: next, fresh };
}
