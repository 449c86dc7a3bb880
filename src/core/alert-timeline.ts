/**
 * A recording's alerts, computed once by the detector over all its frames on their own clock,
 * then read at any moment: which were firing then, and every transition up to then. So a
 * replay shows each alert exactly when it would have fired live, scrubbing back and forth.
 */
import {
  alertId,
  createDetector,
  type Alert,
  type AlertEvent,
  type DetectorOverrides,
} from './detector';
import type { Frame, Hello } from './protocol';

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

export function buildAlertTimeline(
  items: readonly ({ type: 'hello'; payload: Hello } | { type: 'frame'; payload: Frame })[],
  overrides: DetectorOverrides = {},
): AlertTimeline {
  const detector = createDetector(overrides);
  const events: AlertEvent[] = [];
  for (const item of items) {
    if (item.type === 'hello') detector.hello(item.payload);
    else events.push(...detector.frame(item.payload));
  }
  return alertTimelineOf(events);
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
