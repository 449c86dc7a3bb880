import { at, change, fleet, repeat, MIN, scenario } from './fleet';

/** A server whose health check fails on and off for eight minutes: one incident, not eight. */
export const flapping = scenario({
  name: 'flapping',
  description: 'app-03 is down 20 s of every minute from minute 5 to 13, then steady.',
  servers: fleet(10),
  faults: repeat(at(5), 8, MIN, 20_000, { kind: 'down', server: 'app-03' }),
  annotations: [change('flapping', 5, 'app-03 health check flapping')],
});
