/**
 * One interval judged on its own, as a pipeline step does (`check`, `test-lb`): every rule may
 * fire on it at once; the thresholds, the statistics and the messages stay the dashboard's.
 */
import { PROTOCOL_VERSION, type Hello, type Sample } from '../protocol/protocol';
import type { AlertEvent } from './alert';
import { layerOverrides, type DetectorOverrides } from './config';
import { createDetector } from './detector';

const ONE_SHOT: DetectorOverrides = {
  shareSkew: { fireAfterMs: 0 },
  latency: { fireAfterMs: 0 },
  errors: { fireAfterMs: 0 },
  serverDown: { fireAfterMs: 0 },
};

/** One frame's worth of figures: the interval (t - intervalMs, t]. */
export interface OneInterval {
  t: number;
  intervalMs: number;
  samples: Sample[];
}

/** The alerts the detector fires on `interval` alone, given the servers `hello` lists. */
export function judgeOnce(
  hello: Omit<Hello, 'v'>,
  interval: OneInterval,
  overrides: DetectorOverrides = {},
): AlertEvent[] {
  const detector = createDetector(layerOverrides(overrides, ONE_SHOT));
  detector.hello({ v: PROTOCOL_VERSION, ...hello });
  return detector.frame({ v: PROTOCOL_VERSION, seq: 0, ...interval });
}
