import { at, fleet, repeat, scenario } from './fleet';

/** Single failed health checks now and then: each lasts one frame, too short to matter. */
export const healthBlips = scenario({
  name: 'health-blips',
  description: 'app-08 fails one 10 s health check every three minutes for half an hour.',
  servers: fleet(10),
  faults: repeat(at(2), 10, 3 * 60_000, 10_000, { kind: 'down', server: 'app-08' }),
});
