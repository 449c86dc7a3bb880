import type { Scenario } from '../scenario';
import { bigFleet, fanoutFleet, fleet2000, fleet360 } from './big-fleet';
import { lbMisconfig } from './lb-misconfig';
import { detectionSuite } from './suite';

/** Every scenario the simulator can play, by name (`sim:<name>`). */
export const scenarios: Record<string, Scenario> = {
  [lbMisconfig.name]: lbMisconfig,
  ...Object.fromEntries(detectionSuite.map((s) => [s.name, s])),
};

/** Fleets the performance benchmarks and the page's tests have the gateway play: not detection cases. */
export const benchmarkFleets: Record<string, Scenario> = {
  [bigFleet.name]: bigFleet,
  [fanoutFleet.name]: fanoutFleet,
  [fleet2000.name]: fleet2000,
  [fleet360.name]: fleet360,
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
