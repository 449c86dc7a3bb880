/**
 * The built-in simulator as a gateway source: plays a scenario from mocks/, compressed in time
 * by `speed` (speed 60 plays a simulated minute each wall second).
 */
import { getScenario } from '../../../mocks/scenarios';
import { createSimulator } from '../../../mocks/simulator';
import { pace } from './paced';
import type { Source, SourceSink } from './source';

export interface SimSourceOptions {
  scenario: string;
  speed: number;
  seed?: number;
  /** frames already played by an earlier run of this gateway, to carry on after */
  skipFrames?: number;
}

export function simSource(opts: SimSourceOptions): Source {
  const scenario = getScenario(opts.scenario);
  const sim = createSimulator(scenario, opts.seed === undefined ? {} : { seed: opts.seed });
  if (opts.skipFrames) sim.skipTo(opts.skipFrames);
  let stop: (() => void) | undefined;
  return {
    start(sink: SourceSink) {
      sink.info({ ...sim.hello(), speed: opts.speed });
      const step = () => {
        const { annotations, ...frame } = sim.next();
        // annotations first, so a viewer sees the event with the frame it belongs to
        for (const annotation of annotations) sink.annotation(annotation);
        sink.frame(frame);
      };
      stop = pace(scenario.intervalMs / opts.speed, step);
    },
    stop() {
      stop?.();
    },
  };
}
