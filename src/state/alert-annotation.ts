import { alertId, type AlertEvent } from '../core/detector';
import type { Annotation } from '../core/protocol/protocol';

/**
 * An alert episode as an annotation of kind `alert`: it starts when the alert fires, and its
 * region closes when it resolves. The id names the episode, so the resolution updates it.
 */
export function alertAnnotation(e: AlertEvent, startT: number): Annotation {
  return {
    v: 1,
    id: `alert:${alertId(e.rule, e.servers)}:${startT}`,
    t: startT,
    ...(e.state === 'resolved' && { endT: e.t }),
    title: `${e.rule}${e.state === 'resolved' ? ' (resolved)' : ''}: ${e.servers.join(', ')}`,
    text: e.message,
    kind: 'alert',
    source: 'detector',
    tags: [e.rule, e.cause],
  };
}

/** Turns transitions, in order, into one annotation per episode. */
export function alertAnnotations(events: readonly AlertEvent[]): Annotation[] {
  const openSince = new Map<string, number>();
  const byId = new Map<string, Annotation>();
  for (const e of events) {
    const key = alertId(e.rule, e.servers);
    if (e.state === 'firing') openSince.set(key, e.t);
    const a = alertAnnotation(e, openSince.get(key) ?? e.t);
    if (e.state === 'resolved') openSince.delete(key);
    byId.set(a.id, a);
  }
  return [...byId.values()];
}
