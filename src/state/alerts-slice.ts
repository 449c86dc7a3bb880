import type { StateCreator } from 'zustand/vanilla';
import { alertEventOf, alertOf, type Alert, type AlertEvent } from '../core/detector';
import type { AlertPayload } from '../core/protocol/protocol';

/** most alert transitions kept for the history list: a tab open for weeks stays bounded */
export const ALERT_HISTORY = 200;

export interface AlertsSlice {
  /** the alerts firing now: the gateway's when live, the replayed recording's in a review */
  alerts: Alert[];
  /** recent transitions, newest last */
  alertHistory: AlertEvent[];
  applyAlertEvents: (events: AlertEvent[], firing: Alert[]) => void;
  /** one `alert` from the gateway: a transition, or an alert firing resent on connecting */
  applyGatewayAlert: (alert: AlertPayload) => void;
  /** keeps only the alerts with these ids firing (what a gateway resent after a reconnect) */
  keepAlerts: (ids: ReadonlySet<string>) => void;
  resetAlerts: () => void;
  /** forgets the transitions before `cutoff`; an alert still firing stays, however old */
  forgetAlertHistoryBefore: (cutoff: number) => void;
}

const sameEvent = (a: AlertEvent, b: AlertEvent) =>
  a.t === b.t && a.state === b.state && a.rule === b.rule && a.servers.join() === b.servers.join();

/** both made by `alertOf`, so the same fields in the same order */
const sameAlert = (a: Alert, b: Alert) => JSON.stringify(a) === JSON.stringify(b);

export const createAlertsSlice: StateCreator<AlertsSlice> = (set) => ({
  alerts: [],
  alertHistory: [],
  applyAlertEvents: (events, alerts) =>
    set((s) => ({ alerts, alertHistory: [...s.alertHistory, ...events].slice(-ALERT_HISTORY) })),
  applyGatewayAlert: (payload) =>
    set((s) => {
      const event = alertEventOf(payload);
      // a firing alert resent on reconnecting is already in the history
      const known = s.alertHistory.some((e) => sameEvent(e, event));
      const held = s.alerts.find((a) => a.id === payload.id);
      const firing = payload.state === 'firing' ? alertOf(payload) : undefined;
      // resent as it is held: no change, so nothing redraws for it
      if (known && firing !== undefined && held !== undefined && sameAlert(held, firing)) return s;
      const others = s.alerts.filter((a) => a.id !== payload.id);
      return {
        alerts: firing === undefined ? others : [...others, firing],
        ...(!known && { alertHistory: [...s.alertHistory, event].slice(-ALERT_HISTORY) }),
      };
    }),
  keepAlerts: (ids) =>
    set((s) =>
      s.alerts.every((a) => ids.has(a.id)) ? s : { alerts: s.alerts.filter((a) => ids.has(a.id)) },
    ),
  resetAlerts: () => set({ alerts: [], alertHistory: [] }),
  forgetAlertHistoryBefore: (cutoff) =>
    set((s) =>
      s.alertHistory.some((e) => e.t < cutoff)
        ? { alertHistory: s.alertHistory.filter((e) => e.t >= cutoff) }
        : s,
    ),
});
