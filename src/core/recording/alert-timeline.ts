/**
 * A recording's alerts, computed once by the detector over all its frames on their own clock,
 * then read at any moment: which were firing then, and every transition up to then. So a
 * replay shows each alert exactly when it would have fired live, scrubbing back and forth.
 */
import {
  alertId,
  detectAlerts,
  type Alert,
  type AlertEvent,
  type DetectorItem,
  type DetectorOverrides,
} from '../detector';

export interface AlertTimeline {
  /** every transition, in time order */
  events: AlertEvent[];
  /** the alerts firing at `t` */
  firingAt(t: number): Alert[];
  /** the transitions at or before `t` */
  eventsUntil(t: number): AlertEvent[];
}

/** A timeline with no alerts: what a replay shows until the detector has run. */
export const NO_ALERTS: AlertTimeline = { events: [], firingAt: () => [], eventsUntil: () => [] };

/** The timeline a fresh detector makes over a recording's hello and frames. */
export function buildAlertTimeline(
  items: Iterable<DetectorItem>,
  overrides: DetectorOverrides = {},
): AlertTimeline {
  return alertTimelineOf(detectAlerts(items, overrides));
}

/** The timeline of transitions already computed (by a worker, say), in time order. */
export function alertTimelineOf(events: AlertEvent[]): AlertTimeline {
  const eventsUntil = (t: number) => events.filter((e) => e.t <= t);
  return {
    events,
    eventsUntil,
    firingAt(t) {
      const open = new Map<string, Alert>();
      for (const e of eventsUntil(t)) {
        const id = alertId(e.rule, e.servers);
        if (e.state === 'firing') {
          open.set(id, {
            id,
            rule: e.rule,
            servers: e.servers,
            cause: e.cause,
            message: e.message,
            startT: e.t,
          });
        } else open.delete(id);
      }
      return [...open.values()];
    },
  };
}
