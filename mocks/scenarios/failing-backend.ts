import { at, change, fleet, scenario } from './fleet';

/** One backend can no longer keep up with its fair share: it queues, times out and sheds. */
export const failingBackend = scenario({
  name: 'failing-backend',
  description:
    'app-08 serves 6x slower from minute 5 to 15: a fair share is 3x what it can take, so it ' +
    'fails most requests and the rest wait seconds.',
  servers: fleet(8, { capacityRps: 220 }),
  faults: [{ fromT: at(5), toT: at(15), effect: { kind: 'slow', server: 'app-08', factor: 6 } }],
  annotations: [change('failing-backend', 5, 'app-08 disk degraded')],
});
