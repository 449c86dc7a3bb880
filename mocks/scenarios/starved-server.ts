import { at, change, fleet, scenario } from './fleet';

const servers = fleet(10);
const others = servers.slice(0, 9).map((s) => s.id);

/** The balancer stops sending to one healthy server: it is named, not the nine it spills onto. */
export const starvedServer = scenario({
  name: 'starved-server',
  description:
    'From minute 5 to 15 the balancer pins 90% of the traffic onto app-01..app-09: app-10, up ' +
    'and healthy, gets 0.1x its share, the others 1.1x.',
  servers,
  faults: [{ fromT: at(5), toT: at(15), effect: { kind: 'misroute', fraction: 0.9, to: others } }],
  annotations: [change('starved-server', 5, 'Balancer backend list reloaded')],
});
