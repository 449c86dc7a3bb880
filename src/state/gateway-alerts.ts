/**
 * Takes the gateway's alerts into the store (CONTRACT section 1: in live mode the page shows
 * the gateway's, so every viewer sees the same alert at the same moment) and draws each
 * episode on the time axis as an annotation of kind `alert`.
 */
import { alertEventOf } from '../core/detector';
import type { AlertPayload, Frame, Hello } from '../core/protocol';
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
  return {
    connected(hello) {
      resending = { until: hello.now, ids: new Set() };
    },
    alert(alert) {
      if (alert.state === 'firing') resending?.ids.add(alert.id);
      state().applyGatewayAlert(alert);
      state().upsertLocalAnnotations([alertAnnotation(alertEventOf(alert), alert.since)]);
    },
    frame(frame) {
      if (resending === undefined || frame.t <= resending.until) return;
      state().keepAlerts(resending.ids);
      resending = undefined;
    },
    reset() {
      resending = undefined;
      state().resetAlerts();
    },
  };
}
