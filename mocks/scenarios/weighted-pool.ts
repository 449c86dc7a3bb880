import { change, fleet, scenario } from './fleet';

// capacity in step with weight, as an operator sizes an unequal pool on purpose
const servers = fleet(6, { capacityRps: 150 }).map((s, i) => {
  const weight = [3, 3, 2, 2, 1, 1][i]!;
  return { ...s, weight, capacityRps: 150 * weight };
});

/** A pool weighted 3:2:1 on purpose: unequal shares, all as configured. */
export const weightedPool = scenario({
  name: 'weighted-pool',
  description:
    'Six servers weighted 3:3:2:2:1:1 on purpose, each sized for its weight: nothing is wrong.',
  servers,
  faults: [],
  annotations: [change('weighted-pool', 0, 'Pool weighted 3:2:1 by design')],
});
