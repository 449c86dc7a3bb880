/**
 * errors: a server fails far more of its requests than its pool does (and more than chance
 * explains), or more than an absolute share whatever the pool does.
 */
import type { Level } from './alert';
import type { ErrorsConfig } from './config';
import type { ServerMetrics } from './metrics';

// the bar to stay firing is looser; two sigmas is past chance without being a new test
const HOLD_Z = 2;

export function errorsLevel(s: ServerMetrics, c: ErrorsConfig): Level {
  if (!s.up || s.requests < c.minRequests) return 'clear';
  const rate = s.errorRate;
  const above = (factor: number, floor: number, absolute: number, z: number) =>
    rate >= floor && ((rate >= factor * s.peersErrorRate && s.errorZ >= z) || rate >= absolute);
  if (above(c.factor, c.floorRate, c.absoluteRate, c.minZ)) return 'fire';
  return above(c.clearFactor, c.clearFloorRate, c.clearAbsoluteRate, HOLD_Z) ? 'hold' : 'clear';
}
