/**
 * Large fleets for the performance benchmarks: many servers, short intervals. Nothing here is a
 * detection case; each has one fault so the heatmap shows something worth seeing.
 */
import type { Scenario } from '../scenario';
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

/**
 * `n` servers at one frame a second in three pools (web 60%, api 30%, batch 10%), at half
 * load; from the first half minute 4% of traffic is pinned onto web-0007 and web-0011 (a share
 * skew that alerts), and api-0005 turns slow: a fleet far taller than the heatmap's rows.
 */
function pooledFleet(name: string, n: number): Scenario {
  const web = Math.round(n * 0.6);
  const api = Math.round(n * 0.3);
  const pool = (prefix: string, count: number) =>
    fleet(count, { prefix, pool: prefix, capacityRps: 200 }).map((s, i) => ({
      ...s,
      id: `${prefix}-${String(i + 1).padStart(4, '0')}`,
    }));
  return scenario({
    name,
    description:
      `${n} servers in pools web, api and batch, one frame a second at half load; from the ` +
      'first half minute 4% of traffic goes to web-0007 and web-0011 and api-0005 turns slow.',
    servers: [...pool('web', web), ...pool('api', api), ...pool('batch', n - web - api)],
    intervalMs: 1000,
    traffic: { rps: n * 100, noise: 0.02 },
    faults: [
      {
        fromT: at(0.5),
        effect: { kind: 'misroute', fraction: 0.04, to: ['web-0007', 'web-0011'] },
      },
      { fromT: at(0.5), effect: { kind: 'slow', server: 'api-0005', factor: 8 } },
    ],
    annotations: [change(name, 0.5, 'pinning rule deployed to the web pool')],
  });
}

/** 2,000 servers at one frame a second (the big-fleet page benchmark). */
export const fleet2000 = pooledFleet('fleet-2000', 2000);
/** 360 servers, the same story: a fleet that folds on a laptop's screen, for the page's tests. */
export const fleet360 = pooledFleet('fleet-360', 360);
