/**
 * A scenario written out as a recording (CONTRACT section 2), the way `serve --record` would
 * write it: a hello, then each frame preceded by the annotations it carries.
 */
import { recordingLine } from '../src/core/recording/recording';
import type { Scenario } from './scenario';
import { createSimulator } from './simulator';

export interface RecordOptions {
  /** frames to write */
  frames: number;
  /** frames to play silently first, to start the recording later in the scenario */
  skip?: number;
  seed?: number;
}

/** The NDJSON text of the recording, every line ending in a newline. */
export function recordScenario(scenario: Scenario, opts: RecordOptions): string {
  const sim = createSimulator(scenario, opts.seed === undefined ? {} : { seed: opts.seed });
  const skip = opts.skip ?? 0;
  sim.skipTo(skip);
  const lines = [recordingLine('hello', { v: 1, ...sim.hello() })];
  for (let i = 0; i < opts.frames; i++) {
    const { annotations, ...frame } = sim.next();
    for (const a of annotations) lines.push(recordingLine('annotation', { v: 1, ...a }));
    lines.push(recordingLine('frame', { v: 1, seq: skip + i, ...frame }));
  }
  return lines.join('');
}
