/**
 * Runs the detector over the frames the page holds, on the frames' own clock, and draws each
 * alert's start and end on the time axis as an annotation of kind `alert`.
 */
import { createDetector, type AlertEvent, type Detector } from '../core/detector';
import type { Annotation, Frame, Hello } from '../core/protocol';
import type { DashboardStore } from './store';

export interface Detection {
  hello(h: Hello): void;
  /** frames the store accepted, in order */
  frames(batch: readonly Frame[]): void;
  /** a new gateway: forget what was learnt */
  reset(): void;
}

/** one annotation per alert episode: fired at startT, its region closed when it resolves */
const annotationId = (e: { rule: string; servers: string[] }, startT: number) =>
  `alert:${e.rule}:${e.servers.join(',')}:${startT}`;

export function createDetection(store: DashboardStore): Detection {
  let detector: Detector = createDetector();
  let lastHello: Hello | undefined;
  const openSince = new Map<string, number>();

  const toAnnotation = (e: AlertEvent): Annotation => {
    const key = `${e.rule}:${e.servers.join(',')}`;
    if (e.state === 'firing') openSince.set(key, e.t);
    const startT = openSince.get(key) ?? e.t;
    if (e.state === 'resolved') openSince.delete(key);
    return {
      v: 1,
      id: annotationId(e, startT),
      t: startT,
      ...(e.state === 'resolved' && { endT: e.t }),
      title: `${e.rule}${e.state === 'resolved' ? ' (resolved)' : ''}: ${e.servers.join(', ')}`,
      text: e.message,
      kind: 'alert',
      source: 'detector',
      tags: [e.rule, e.cause],
    };
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
