import type { Scenario } from '../scenario';
import { lbMisconfig } from './lb-misconfig';
import { detectionSuite } from './suite';

/** Every scenario the simulator can play, by name (`sim:<name>`). */
export const scenarios: Record<string, Scenario> = {
  [lbMisconfig.name]: lbMisconfig,
  ...Object.fromEntries(detectionSuite.map((s) => [s.name, s])),
};

/** The scenario of that name; throws an Error listing the known names otherwise. */
export function getScenario(name: string): Scenario {
  const found = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
  if (!found) {
    const known = Object.keys(scenarios).join(', ');
    throw new Error(`unknown scenario ${JSON.stringify(name)}; known scenarios: ${known}`);
  }
  return found;
}
