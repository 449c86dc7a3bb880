/**
 * The detector driven over a sequence of payloads, as a recording or a source gives them: each
 * hello tells it the servers, each frame may make transitions, anything else is passed over.
 * A review's alert timeline, `analyze` and the scenario player all run it this way.
 */
import type { Frame, Hello } from '../protocol/protocol';
import type { AlertEvent } from './alert';
import type { DetectorOverrides } from './config';
import { createDetector } from './detector';

/** One payload in order: what the detector reads, or another line of a recording it skips. */
export type DetectorItem =
  | { type: 'hello'; payload: Hello }
  | { type: 'frame'; payload: Frame }
  | { type: 'annotation' | 'annotation:remove' | 'alert' };

/** Feeds one detector, item by item; each call returns the transitions that item made. */
export type AlertFeed = (item: DetectorItem) => AlertEvent[];

/** A fresh detector to feed items one at a time, for a caller that streams them (`analyze`). */
export function createAlertFeed(overrides: DetectorOverrides = {}): AlertFeed {
  const detector = createDetector(overrides);
  return (item) => {
    if (item.type === 'hello') detector.hello(item.payload);
    return item.type === 'frame' ? detector.frame(item.payload) : [];
  };
}

/** Every alert transition a fresh detector makes over `items`, in order. */
export function detectAlerts(
  items: Iterable<DetectorItem>,
  overrides: DetectorOverrides = {},
): AlertEvent[] {
  const feed = createAlertFeed(overrides);
  const events: AlertEvent[] = [];
  for (const item of items) events.push(...feed(item));
  return events;
}
