/**
 * Plays a scenario through the detector, frame by frame, as the gateway would feed it: the
 * scenario tests and the detection benchmark both judge what comes out.
 */
import { createDetector, type AlertEvent, type DetectorOverrides } from '../src/core/detector';
import type { Scenario } from './scenario';
import { createSimulator } from './simulator';

export interface PlayOptions {
  frames: number;
  config?: DetectorOverrides;
  seed?: number;
}

/** Every alert transition over the first `frames` frames of the scenario. */
export function playDetector(scenario: Scenario, opts: PlayOptions): AlertEvent[] {
  const sim = createSimulator(scenario, opts.seed === undefined ? {} : { seed: opts.seed });
  const detector = createDetector(opts.config);
  detector.hello({ v: 1, ...sim.hello() });
  const events: AlertEvent[] = [];
  for (let seq = 0; seq < opts.frames; seq++) {
    const { t, intervalMs, samples } = sim.next();
    events.push(...detector.frame({ v: 1, seq, t, intervalMs, samples }));
  }
  return events;
}
