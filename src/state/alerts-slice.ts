import type { StateCreator } from 'zustand/vanilla';
import type { Alert, AlertEvent } from '../core/detector';

/** most alert transitions kept for the history list: a tab open for weeks stays bounded */
export const ALERT_HISTORY = 200;

export interface AlertsSlice {
  /** the alerts firing now, as the detector sees them */
  alerts: Alert[];
  /** recent transitions, newest last */
  alertHistory: AlertEvent[];
  applyAlertEvents: (events: AlertEvent[], firing: Alert[]) => void;
  resetAlerts: () => void;
}

export const createAlertsSlice: StateCreator<AlertsSlice> = (set) => ({
  alerts: [],
  alertHistory: [],
  applyAlertEvents: (events, alerts) =>
    set((s) => ({ alerts, alertHistory: [...s.alertHistory, ...events].slice(-ALERT_HISTORY) })),
  resetAlerts: () => set({ alerts: [], alertHistory: [] }),
});
