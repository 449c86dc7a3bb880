import { useEffect, useRef } from 'react';
import { useDashboard } from '../store-context';

const FAVICON = '/favicon.svg';
const FAVICON_ALERT = '/favicon-alert.svg';

/**
 * For the on-call tab in the background: the alert in the document title and the favicon,
 * and a browser notification for each new alert when the person has allowed them.
 */
export function useAlertSignals(notify: boolean): void {
  const alerts = useDashboard((s) => s.alerts);
  const notified = useRef(new Set<string>());
  useEffect(() => {
    const first = alerts[0];
    document.title = first
      ? `⚠ ${first.rule}: ${first.servers.join(', ')}${alerts.length > 1 ? ` (+${alerts.length - 1})` : ''} · Skewboard`
      : 'Skewboard';
    const icon = document.querySelector<HTMLLinkElement>('link[rel=icon]');
    if (icon) icon.href = first ? FAVICON_ALERT : FAVICON;

    const firingIds = new Set(alerts.map((a) => a.id));
    for (const id of notified.current) if (!firingIds.has(id)) notified.current.delete(id);
    if (!notify || typeof Notification === 'undefined' || Notification.permission !== 'granted')
      return;
    for (const a of alerts) {
      if (notified.current.has(a.id)) continue;
      notified.current.add(a.id);
      new Notification(`Skewboard: ${a.rule}`, { body: a.message, tag: a.id });
    }
  }, [alerts, notify]);
}
