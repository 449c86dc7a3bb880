/**
 * Takes the gateway's alerts into the store (CONTRACT section 1: in live mode the page shows
 * the gateway's, so every viewer sees the same alert at the same moment) and draws each
 * episode on the time axis as an annotation of kind `alert`.
 */
import { alertEventOf, type Alert } from '../core/detector';
import type { AlertPayload, Frame, Hello } from '../core/protocol/protocol';
import { alertAnnotation } from './alert-annotation';
import type { DashboardStore } from './store';

export interface GatewayAlerts {
  /** the first hello of a connection: the gateway resends every alert firing after its frames */
  connected(hello: Hello): void;
  alert(alert: AlertPayload): void;
  /** every frame as it arrives, before the pump */
  frame(frame: Frame): void;
  /** a new gateway: what the old one said no longer holds */
  reset(): void;
}

export function createGatewayAlerts(store: DashboardStore): GatewayAlerts {
  const state = store.getState;
  // after a reconnect, an alert that resolved meanwhile is not resent: the alerts resent are
  // the ones still firing, and the first frame newer than the hello's marks their end
  let resending: { until: number; ids: Set<string> } | undefined;
  const take = (alert: AlertPayload) => {
    state().applyGatewayAlert(alert);
    state().upsertLocalAnnotations([alertAnnotation(alertEventOf(alert), alert.since)]);
  };
  return {
    connected(hello) {
      resending = { until: hello.now, ids: new Set() };
    },
    alert(alert) {
      if (alert.state === 'firing') resending?.ids.add(alert.id);
      take(alert);
    },
    frame(frame) {
      if (resending === undefined || frame.t <= resending.until) return;
      const { until, ids } = resending;
      resending = undefined;
      // one the page held that was not resent resolved while the page was away: it resolves
      // here too, so its mark on the time axis closes and whoever is notified hears of it
      for (const gone of state().alerts.filter((a) => !ids.has(a.id))) {
        take(resolvedMeanwhile(gone, until));
      }
      state().keepAlerts(ids);
    },
    reset() {
      resending = undefined;
      state().resetAlerts();
    },
  };
}

/**
 * The resolution of an alert the page missed. When it resolved is not known, only that it had by
 * the gateway's newest frame when the page came back: that frame's time closes it.
 */
function resolvedMeanwhile(alert: Alert, by: number): AlertPayload {
  return {
    v: 1,
    id: alert.id,
    state: 'resolved',
    t: Math.max(by, alert.startT),
    since: alert.startT,
    rule: alert.rule,
    servers: alert.servers,
    cause: alert.cause,
    message: `${alert.message} (resolved while this page was disconnected)`,
  };
}
