import type { Fault } from '../scenario';
import { at, change, fleet, scenario } from './fleet';

const servers = fleet(10, { capacityRps: 180 });
// a shared dependency slows every server at once: the pool as a whole lacks capacity
const slowAll: Fault[] = servers.map((s) => ({
  fromT: at(5),
  toT: at(15),
  effect: { kind: 'slow', server: s.id, factor: 2.5 },
}));

/** The whole pool is hot together; the balancer shares fairly throughout. */
export const poolOverload = scenario({
  name: 'pool-overload',
  description:
    'Every server serves 2.5x slower from minute 5 to 15 (a shared database slows down): each ' +
    'can take 72 req/s of the 100 it gets, so all queue and shed alike.',
  servers,
  faults: slowAll,
  annotations: [change('pool-overload', 5, 'Database failover')],
});
