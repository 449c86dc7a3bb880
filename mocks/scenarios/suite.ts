/** The detection scenarios: each a short case the detector must get right (see expectations.ts). */
import type { Scenario } from '../scenario';
import { canary } from './canary';
import { failingBackend } from './failing-backend';
import { flapping } from './flapping';
import { healthBlips } from './health-blips';
import { poolOverload } from './pool-overload';
import { quietTraffic } from './quiet-traffic';
import { serverDown } from './server-down';
import { shareDrift } from './share-drift';
import { slowBackend } from './slow-backend';
import { starvedServer } from './starved-server';
import { twoPools } from './two-pools';
import { weightChange } from './weight-change';
import { weightedPool } from './weighted-pool';

export const detectionSuite: Scenario[] = [
  weightedPool,
  slowBackend,
  failingBackend,
  serverDown,
  quietTraffic,
  shareDrift,
  canary,
  flapping,
  healthBlips,
  poolOverload,
  twoPools,
  starvedServer,
  weightChange,
];
