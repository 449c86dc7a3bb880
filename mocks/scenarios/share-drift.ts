import type { Fault } from '../scenario';
import { at, change, fleet, scenario } from './fleet';

// pinning f of all traffic onto one of ten gives it f + (1 - f)/10: 2x its share at f = 1/9
const STEPS = 60;
const drift: Fault[] = Array.from({ length: STEPS }, (_, i) => ({
  fromT: at(5 + i),
  ...(i < STEPS - 1 ? { toT: at(6 + i) } : {}),
  effect: { kind: 'misroute', fraction: ((i + 1) / STEPS) * (1 / 9), to: ['app-06'] },
}));

/** A sticky-session table going stale: one server's share creeps up over an hour. */
export const shareDrift = scenario({
  name: 'share-drift',
  description:
    "app-06's share creeps from 1.0x to 2.0x between minute 5 and 65 (a step a minute) and " +
    'stays there; it has the capacity, so only the share shows it.',
  servers: fleet(10, { capacityRps: 300 }),
  faults: drift,
  annotations: [change('share-drift', 5, 'Session affinity enabled')],
});
