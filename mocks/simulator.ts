/**
 * Plays a scenario one interval at a time, forever: after its last fault it carries on in the
 * "after" state, so a wall display can run for weeks. Same scenario and seed, same frames.
 */
import type { Sample, ServerInfo } from '../src/core/protocol/protocol';
import { lbStateAt } from './faults';
import { createRandom, type Random } from './random';
import { routeShares } from './routing';
import { checkScenario, limitsOf, type Scenario, type ScenarioAnnotation } from './scenario';
import { simulateServer } from './server-model';
import { meanRate, nextNoise } from './traffic';

/** The fields of a `hello` the simulator knows; the gateway adds `v` and the rest. */
export interface SimHello {
  source: string;
  mode: 'live';
  intervalMs: number;
  tz: string;
  servers: ServerInfo[];
  now: number;
}

/** One interval: t is its end; annotations are those with t in (previous frame's t, t]. */
export interface SimFrame {
  t: number;
  intervalMs: number;
  samples: Sample[];
  annotations: ScenarioAnnotation[];
}

export interface Simulator {
  readonly scenario: Scenario;
  readonly seed: number;
  /** frames produced so far; the next frame has this index */
  readonly frameIndex: number;
  /** simulated now: the end of the last frame (startT before the first) */
  readonly now: number;
  hello(): SimHello;
  next(): SimFrame;
  /** Fast-forwards (or restarts and replays) so the next frame has this index. */
  skipTo(index: number): void;
  /** Every annotation already emitted, for a client that joins late. */
  annotationsSoFar(): ScenarioAnnotation[];
}

export function createSimulator(scenario: Scenario, opts: { seed?: number } = {}): Simulator {
  checkScenario(scenario);
  const seed = opts.seed ?? scenario.seed;
  const { servers, faults, intervalMs, startT } = scenario;
  const limits = limitsOf(scenario);
  const dtSec = intervalMs / 1000;
  const timeline = [...scenario.annotations].sort((a, b) => a.t - b.t);

  let random: Random;
  let backlogs: number[];
  let noise: number;
  let index: number;
  let emitted: number; // annotations before this position in the timeline are out
  const reset = () => {
    random = createRandom(seed);
    backlogs = servers.map(() => 0);
    noise = 0;
    index = 0;
    emitted = 0;
  };
  reset();
  const nowT = () => startT + index * intervalMs;

  function advance(): SimFrame {
    const from = nowT();
    const t = from + intervalMs;
    // a fault counts for the whole interval when it is active at the interval's start
    const state = lbStateAt(servers, faults, from);
    const shares = routeShares(state);
    noise = nextNoise(noise, scenario.traffic.noise ?? 0, random);
    const rate = meanRate(scenario.traffic, from + intervalMs / 2) * Math.max(0, 1 + noise);
    const samples = servers.map((server, i) => {
      const out = simulateServer(
        {
          server,
          weight: state.weights[i]!,
          up: state.up[i]!,
          slow: state.slow[i]!,
          lambda: rate * shares[i]!,
          backlog: backlogs[i]!,
          dtSec,
          limits,
        },
        random,
      );
      backlogs[i] = out.backlog;
      return out.sample;
    });
    const first = emitted;
    while (emitted < timeline.length && timeline[emitted]!.t <= t) emitted++;
    index++;
    const annotations = timeline.slice(first, emitted).map((a) => ({ ...a }));
    return { t, intervalMs, samples, annotations };
  }

  return {
    scenario,
    seed,
    get frameIndex() {
      return index;
    },
    get now() {
      return nowT();
    },
    hello() {
      const state = lbStateAt(servers, faults, nowT());
      return {
        source: `sim:${scenario.name}`,
        mode: 'live',
        intervalMs,
        tz: scenario.tz,
        servers: servers.map(({ id, label, pool }, i) => ({
          id,
          ...(label === undefined ? {} : { label }),
          ...(pool === undefined ? {} : { pool }),
          weight: state.weights[i]!,
        })),
        now: nowT(),
      };
    },
    next: advance,
    skipTo(target) {
      if (!Number.isInteger(target) || target < 0) {
        throw new Error(`skipTo: ${target} is not a frame index (an integer >= 0)`);
      }
      if (target < index) reset();
      while (index < target) advance();
    },
    annotationsSoFar: () => timeline.slice(0, emitted).map((a) => ({ ...a })),
  };
}
