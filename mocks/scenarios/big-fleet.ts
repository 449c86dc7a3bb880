/**
 * Large fleets for the performance benchmarks: many servers, short intervals. Nothing here is a
 * detection case; each has one fault so the heatmap shows something worth seeing.
 */
import { at, change, fleet, scenario } from './fleet';

const BIG = fleet(500, { prefix: 'node', capacityRps: 200 });

/** 500 servers at 10 frames a second (the live-page benchmark). */
export const bigFleet = scenario({
  name: 'big-fleet',
  description:
    '500 servers reporting every 100 ms at 40% load; node-250 turns slow after 20 s and ' +
    'stays slow: the page under a wall-display fleet at 10 frames a second.',
  servers: BIG,
  intervalMs: 100,
  traffic: { rps: 40_000, noise: 0.02 },
  faults: [{ fromT: at(1 / 3), effect: { kind: 'slow', server: 'node-250', factor: 20 } }],
  annotations: [change('big-fleet', 1 / 3, 'node-250 moved to a busy host')],
});

/** 200 servers at one frame a second (the gateway fan-out benchmark). */
export const fanoutFleet = scenario({
  name: 'fleet-200',
  description:
    '200 servers reporting every second at 50% load; 10% of traffic is pinned onto node-07 ' +
    'after five minutes: the frames a large audience of pages receives.',
  servers: fleet(200, { prefix: 'node', capacityRps: 200 }),
  intervalMs: 1000,
  traffic: { rps: 20_000, noise: 0.02 },
  faults: [{ fromT: at(5), effect: { kind: 'misroute', fraction: 0.1, to: ['node-07'] } }],
  annotations: [],
});
