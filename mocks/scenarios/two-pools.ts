import type { Fault } from '../scenario';
import { at, change, fleet, scenario } from './fleet';

const api = fleet(4, { prefix: 'api', pool: 'api', capacityRps: 400 });
const web = fleet(6, { prefix: 'web', pool: 'web', capacityRps: 200 });
const faults: Fault[] = [
  // the simulator balances one stream over every server; pinning 60% onto the api servers
  // stands for the api pool's own, larger stream (spread evenly, so fair within the pool)
  { fromT: at(0), effect: { kind: 'misroute', fraction: 0.6, to: api.map((s) => s.id) } },
  { fromT: at(5), toT: at(20), effect: { kind: 'misroute', fraction: 0.05, to: ['web-02'] } },
];

/** Two pools with their own traffic; the skew is in one of them only. */
export const twoPools = scenario({
  name: 'two-pools',
  description:
    'An api pool (4 servers, 70% of the traffic) and a web pool (6 servers); from minute 5 to ' +
    "20 web-02 gets 2x its share of the web pool's requests.",
  servers: [...api, ...web],
  faults,
  annotations: [change('two-pools', 5, 'web balancer rule added')],
});
