/**
 * Where a review opened without `?t=` puts its cursor: at the first alert that fired, else
 * at the first note, else at the start, so a reviewer lands on the incident rather than on
 * a first frame with nothing before it.
 */
import type { AlertEvent } from '../core/detector';
import type { Annotation } from '../core/protocol/protocol';

export interface LandingInput {
  startT: number;
  endT: number;
  annotations: readonly Pick<Annotation, 't'>[];
  /** the detector's transitions, in time order (none while they are worked out) */
  alertEvents: readonly Pick<AlertEvent, 't' | 'state'>[];
}

export function landingTime({ startT, endT, annotations, alertEvents }: LandingInput): number {
  const inside = (t: number) => t >= startT && t <= endT;
  const fired = alertEvents.find((e) => e.state === 'firing' && inside(e.t));
  if (fired !== undefined) return fired.t;
  let firstNote = Infinity;
  for (const a of annotations) if (inside(a.t) && a.t < firstNote) firstNote = a.t;
  return Number.isFinite(firstNote) ? firstNote : startT;
}
