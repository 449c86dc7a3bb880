import { at, change, fleet, scenario } from './fleet';

/** A server fails its health check for ten minutes; the rest take its traffic, as they should. */
export const serverDown = scenario({
  name: 'server-down',
  description:
    'app-05 is down from minute 5 to 15: the other nine get 1/9 each instead of 1/10, which is ' +
    'their weighted share of the servers that are up.',
  servers: fleet(10),
  faults: [{ fromT: at(5), toT: at(15), effect: { kind: 'down', server: 'app-05' } }],
  annotations: [change('server-down', 5, 'app-05 kernel panic')],
});
