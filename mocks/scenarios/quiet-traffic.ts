import { fleet, scenario } from './fleet';

/** A pool at night: a handful of requests per frame, whose shares wander by chance alone. */
export const quietTraffic = scenario({
  name: 'quiet-traffic',
  description:
    'Ten servers sharing 0.5 req/s: five requests a frame, shares all over the place by chance.',
  servers: fleet(10),
  traffic: { rps: 0.5, noise: 0.2 },
  faults: [],
});
