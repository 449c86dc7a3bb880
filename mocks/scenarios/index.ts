import type { Scenario } from '../scenario';
import { bigFleet, fanoutFleet } from './big-fleet';
import { lbMisconfig } from './lb-misconfig';
import { detectionSuite } from './suite';

/** Every scenario the simulator can play, by name (`sim:<name>`). */
export const scenarios: Record<string, Scenario> = {
  [lbMisconfig.name]: lbMisconfig,
  ...Object.fromEntries(detectionSuite.map((s) => [s.name, s])),
};

/** Fleets the performance benchmarks have the gateway play: not detection cases. */
export const benchmarkFleets: Record<string, Scenario> = {
  [bigFleet.name]: bigFleet,
  [fanoutFleet.name]: fanoutFleet,
};

/** The scenario of that name; throws an Error listing the known names otherwise. */
export function getScenario(name: string): Scenario {
  const found = Object.hasOwn(scenarios, name)
    ? scenarios[name]
    : Object.hasOwn(benchmarkFleets, name)
      ? benchmarkFleets[name]
      : undefined;
  if (!found) {
    const known = [...Object.keys(scenarios), ...Object.keys(benchmarkFleets)].join(', ');
    throw new Error(`unknown scenario ${JSON.stringify(name)}; known scenarios: ${known}`);
  }
  return found;
}
