/**
 * What the detector must say about each scenario: the alerts that must fire (rule, servers,
 * cause, how soon after the fault, how soon after its end they resolve). Any other alert is a
 * false alert, and so is a second firing of an expected one (flapping).
 */
import type { AlertCause, AlertRule } from '../../src/core/detector';
import type { Scenario } from '../scenario';
import { canary } from './canary';
import { failingBackend } from './failing-backend';
import { at } from './fleet';
import { flapping } from './flapping';
import { healthBlips } from './health-blips';
import { lbMisconfig } from './lb-misconfig';
import { poolOverload } from './pool-overload';
import { quietTraffic } from './quiet-traffic';
import { serverDown } from './server-down';
import { shareDrift } from './share-drift';
import { slowBackend } from './slow-backend';
import { starvedServer } from './starved-server';
import { twoPools } from './two-pools';
import { weightChange } from './weight-change';
import { weightedPool } from './weighted-pool';

/** An alert that must fire exactly once. */
export interface ExpectedAlert {
  rule: AlertRule;
  servers: string[];
  cause: AlertCause;
  /** when the fault it answers starts, UTC ms: firing earlier is wrong too */
  faultT: number;
  /** the longest allowed delay after faultT, ms */
  within: number;
  /** resolves within `within` ms after `after`; absent: still firing at the end */
  resolve?: { after: number; within: number };
}

export interface ScenarioExpectation {
  scenario: Scenario;
  /** frames to play (10 s each) */
  frames: number;
  alerts: ExpectedAlert[];
}

const S = 1000;
const MIN = 60 * S;
// the 2024-05-15 incident in its own zone (UTC-4)
const local = (hhmm: string) => Date.parse(`2024-05-15T${hhmm}:00-04:00`);
const all = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
const SKEWED = ['app-04', 'app-07'];

export const expectations: ScenarioExpectation[] = [
  {
    // 09:30 to 12:10 local: the change at 09:55, the fix at 12:00
    scenario: lbMisconfig,
    frames: 960,
    alerts: [
      {
        rule: 'share-skew',
        servers: SKEWED,
        cause: 'load-balancer',
        faultT: local('09:55'),
        within: 30 * S,
        resolve: { after: local('12:00'), within: 2 * MIN },
      },
      // the over-shared servers' latency and errors follow, and are put down to the balancer
      ...(['latency', 'errors'] as const).map((rule) => ({
        rule,
        servers: SKEWED,
        cause: 'load-balancer' as const,
        faultT: local('09:55'),
        within: 90 * S,
        resolve: { after: local('12:00'), within: 5 * MIN },
      })),
    ],
  },
  { scenario: weightedPool, frames: 180, alerts: [] },
  {
    scenario: slowBackend,
    frames: 180,
    alerts: [
      {
        rule: 'latency',
        servers: ['app-03'],
        cause: 'backend',
        faultT: at(5),
        within: 60 * S,
        resolve: { after: at(25), within: 3 * MIN },
      },
    ],
  },
  {
    scenario: failingBackend,
    frames: 150,
    alerts: (['latency', 'errors'] as const).map((rule) => ({
      rule,
      servers: ['app-08'],
      cause: 'backend' as const,
      faultT: at(5),
      within: 60 * S,
      resolve: { after: at(15), within: 3 * MIN },
    })),
  },
  {
    scenario: serverDown,
    frames: 150,
    alerts: [
      {
        rule: 'server-down',
        servers: ['app-05'],
        cause: 'backend',
        faultT: at(5),
        within: 30 * S,
        resolve: { after: at(15), within: 150 * S },
      },
    ],
  },
  { scenario: quietTraffic, frames: 360, alerts: [] },
  {
    // fires once the share passes 1.5x (half way up the ramp, ~30 min in), and never flaps
    scenario: shareDrift,
    frames: 480,
    alerts: [
      {
        rule: 'share-skew',
        servers: ['app-06'],
        cause: 'load-balancer',
        faultT: at(5),
        within: 40 * MIN,
      },
    ],
  },
  { scenario: canary, frames: 180, alerts: [] },
  {
    // one alert for the whole episode (the last flap ends at 12:20)
    scenario: flapping,
    frames: 150,
    alerts: [
      {
        rule: 'server-down',
        servers: ['app-03'],
        cause: 'backend',
        faultT: at(5),
        within: 30 * S,
        resolve: { after: at(12) + 20 * S, within: 150 * S },
      },
    ],
  },
  { scenario: healthBlips, frames: 180, alerts: [] },
  {
    scenario: poolOverload,
    frames: 150,
    alerts: (['latency', 'errors'] as const).map((rule) => ({
      rule,
      servers: all('app', 10),
      cause: 'capacity' as const,
      faultT: at(5),
      within: 90 * S,
      resolve: { after: at(15), within: 3 * MIN },
    })),
  },
  {
    scenario: twoPools,
    frames: 150,
    alerts: [
      {
        rule: 'share-skew',
        servers: ['web-02'],
        cause: 'load-balancer',
        faultT: at(5),
        within: 30 * S,
        resolve: { after: at(20), within: 2 * MIN },
      },
    ],
  },
  {
    scenario: starvedServer,
    frames: 120,
    alerts: [
      {
        rule: 'share-skew',
        servers: ['app-10'],
        cause: 'load-balancer',
        faultT: at(5),
        within: 30 * S,
        resolve: { after: at(15), within: 2 * MIN },
      },
    ],
  },
  { scenario: weightChange, frames: 150, alerts: [] },
];
