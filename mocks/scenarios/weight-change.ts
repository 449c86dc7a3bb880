import { at, change, fleet, scenario } from './fleet';

/** An operator re-weights on purpose: the shares follow the new weights, which frames carry. */
export const weightChange = scenario({
  name: 'weight-change',
  description:
    'app-02 goes to weight 3 at minute 5 and app-09 is drained (weight 0) at minute 12: nothing is wrong.',
  servers: fleet(10, { capacityRps: 400 }),
  faults: [
    { fromT: at(5), effect: { kind: 'weight', server: 'app-02', weight: 3 } },
    { fromT: at(12), effect: { kind: 'weight', server: 'app-09', weight: 0 } },
  ],
  annotations: [
    change('weight-change', 5, 'app-02 weight 3'),
    change('weight-change', 12, 'app-09 drained'),
  ],
});
