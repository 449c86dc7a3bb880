/**
 * Runs the detector over the frames the page holds, on the frames' own clock, and draws each
 * alert's start and end on the time axis as an annotation of kind `alert`.
 */
import { createDetector, type AlertEvent, type Detector } from '../core/detector';
import type { Annotation, Frame, Hello } from '../core/protocol';
import { alertAnnotation } from './alert-annotation';
import type { DashboardStore } from './store';

export interface Detection {
  hello(h: Hello): void;
  /** frames the store accepted, in order */
  frames(batch: readonly Frame[]): void;
  /** a new gateway: forget what was learnt */
  reset(): void;
}

export function createDetection(store: DashboardStore): Detection {
  let detector: Detector = createDetector();
  let lastHello: Hello | undefined;
  const openSince = new Map<string, number>();

  // each transition updates its episode's annotation: fired at its start, closed on resolve
  const toAnnotation = (e: AlertEvent): Annotation => {
    const key = `${e.rule}:${e.servers.join(',')}`;
    if (e.state === 'firing') openSince.set(key, e.t);
    const startT = openSince.get(key) ?? e.t;
    if (e.state === 'resolved') openSince.delete(key);
    return alertAnnotation(e, startT);
  };

  return {
    hello(h) {
      lastHello = h;
      detector.hello(h);
    },
    frames(batch) {
      const events = batch.flatMap((f) => detector.frame(f));
      if (events.length === 0) return;
      const state = store.getState();
      state.applyAlertEvents(events, detector.firing());
      state.upsertLocalAnnotations(events.map(toAnnotation));
    },
    reset() {
      detector = createDetector();
      openSince.clear();
      if (lastHello) detector.hello(lastHello);
      store.getState().resetAlerts();
    },
  };
}
