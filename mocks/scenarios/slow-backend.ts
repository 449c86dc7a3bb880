import { at, change, fleet, scenario } from './fleet';

/** One backend slows down (a bad deploy, a noisy neighbour) while the balancer shares fairly. */
export const slowBackend = scenario({
  name: 'slow-backend',
  description:
    'app-03 serves 1.5x slower from minute 5 to 25: at its normal share it queues to ~4x the ' +
    "pool's p95, without failing requests.",
  servers: fleet(8, { capacityRps: 220 }),
  faults: [{ fromT: at(5), toT: at(25), effect: { kind: 'slow', server: 'app-03', factor: 1.5 } }],
  annotations: [change('slow-backend', 5, 'app-03 deployed')],
});
