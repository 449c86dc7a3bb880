/**
 * Plays a scenario through the detector, frame by frame, as the gateway would feed it: the
 * scenario tests and the detection benchmark both judge what comes out.
 */
import {
  detectAlerts,
  type AlertEvent,
  type DetectorItem,
  type DetectorOverrides,
} from '../src/core/detector';
import type { Scenario } from './scenario';
import { createSimulator, type Simulator } from './simulator';

export interface PlayOptions {
  frames: number;
  config?: DetectorOverrides;
  seed?: number;
}

/** Every alert transition over the first `frames` frames of the scenario. */
export function playDetector(scenario: Scenario, opts: PlayOptions): AlertEvent[] {
  const sim = createSimulator(scenario, opts.seed === undefined ? {} : { seed: opts.seed });
  return detectAlerts(simulated(sim, opts.frames), opts.config);
}

/** The simulator's hello, then its first `frames` frames, numbered as a gateway would. */
function* simulated(sim: Simulator, frames: number): Generator<DetectorItem> {
  yield { type: 'hello', payload: { v: 1, ...sim.hello() } };
  for (let seq = 0; seq < frames; seq++) {
    const { t, intervalMs, samples } = sim.next();
    yield { type: 'frame', payload: { v: 1, seq, t, intervalMs, samples } };
  }
}
