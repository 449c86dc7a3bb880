import { change, fleet, scenario } from './fleet';

/** A canary at a tenth of a regular server's weight: a tiny share, exactly as configured. */
export const canary = scenario({
  name: 'canary',
  description:
    'Nine servers at weight 10 and a canary at weight 1 (1.1% of the traffic): nothing is wrong.',
  servers: [...fleet(9, { weight: 10 }), ...fleet(1, { prefix: 'canary' })],
  faults: [],
  annotations: [change('canary', 0, 'canary-01 takes 1% of traffic')],
});
