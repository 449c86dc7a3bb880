/**
 * The review benchmarks' recording: 50 servers at one frame a second for two hours (7,200
 * frames, 360,000 samples), a load-balancer skew in the middle hour.
 */
import { recordScenario } from '../../../mocks/record-scenario';
import { at, change, fleet, scenario } from '../../../mocks/scenarios/fleet';

export const SERVERS = 50;
export const FRAMES = 7200;

const twoHours = scenario({
  name: 'replay-bench',
  description: '50 servers at one frame a second for two hours; a skew in the middle hour',
  servers: fleet(SERVERS),
  intervalMs: 1000,
  traffic: { rps: 5000, noise: 0.02 },
  faults: [
    {
      fromT: at(40),
      toT: at(80),
      effect: { kind: 'misroute', fraction: 0.2, to: ['app-07', 'app-31'] },
    },
  ],
  annotations: [
    change('replay-bench', 40, 'Load-balancer change'),
    change('replay-bench', 80, 'Rolled back'),
  ],
});

/** The recording's NDJSON text. */
export const twoHourRecording = (): string => recordScenario(twoHours, { frames: FRAMES });
