/**
 * The detector's thresholds: defaults chosen against the scenarios in mocks/scenarios, and a
 * validated override so a typo in a user's config fails loudly instead of silently muting a rule.
 */
import * as T from '../validate';

/** How long a condition must hold before an alert fires, and stay away before it resolves. */
export interface Sustain {
  fireAfterMs: number;
  resolveAfterMs: number;
}

export interface ShareSkewConfig extends Sustain {
  /** fire at this many times the weighted share, or 1/factor of it */
  factor: number;
  /** a firing skew stays until the share is back inside this factor */
  clearFactor: number;
  /** sigmas of the likelihood-ratio test needed to fire */
  minZ: number;
  /** sigmas needed to stay firing */
  holdZ: number;
  /** requests seen (over-share) or expected (under-share) before a share is judged at all */
  minCount: number;
}

export interface LatencyConfig extends Sustain {
  /** fire at this many times the pool's median p95 */
  factor: number;
  clearFactor: number;
  /** never fire below this p95, however fast the pool */
  floorMs: number;
  /** fire above this p95 whatever the pool does: how a pool that is hot as a whole shows */
  absoluteMs: number;
  clearAbsoluteMs: number;
  /** requests in the window before a p95 is worth judging */
  minRequests: number;
}

export interface ErrorsConfig extends Sustain {
  /** fire at this many times the pool's error rate */
  factor: number;
  clearFactor: number;
  /** never fire below this error rate */
  floorRate: number;
  clearFloorRate: number;
  /** fire above this error rate whatever the pool does */
  absoluteRate: number;
  clearAbsoluteRate: number;
  minRequests: number;
  /** sigmas by which its errors must beat the pool's rate */
  minZ: number;
}

export interface DetectorConfig {
  /** the stretch of frames each rule sums over */
  windowMs: number;
  /** more than this fraction of a pool hot (or down) together is a pool-wide problem */
  capacityFraction: number;
  shareSkew: ShareSkewConfig;
  latency: LatencyConfig;
  errors: ErrorsConfig;
  serverDown: Sustain;
}

/** Any subset of the config, section by section. */
export type DetectorOverrides = {
  [K in keyof DetectorConfig]?: DetectorConfig[K] extends object
    ? Partial<DetectorConfig[K]>
    : DetectorConfig[K];
};

export const DEFAULT_CONFIG: DetectorConfig = {
  // two 10 s frames: enough requests for the share test, short enough to fire in ~20 s
  windowMs: 20_000,
  capacityFraction: 0.5,
  shareSkew: {
    // a weighted balancer drifts 10-30% from its weights in normal running; 1.5x is well
    // outside that and well below the 2.2x of the 2024-05-15 incident
    factor: 1.5,
    clearFactor: 1.3,
    // ~1 in 3 million by chance per server and window: a 10-server pool tested every 10 s
    // would raise a chance skew about once in a year of frames, before the sustain below
    minZ: 5,
    holdZ: 2,
    // the textbook floor for a count test; below it the approximation is not trusted
    minCount: 10,
    fireAfterMs: 20_000,
    resolveAfterMs: 60_000,
  },
  latency: {
    factor: 3,
    clearFactor: 2,
    // a fast pool (p95 ~50 ms) tripling to 150 ms is noise to a user, not an incident
    floorMs: 250,
    absoluteMs: 1_000,
    clearAbsoluteMs: 700,
    minRequests: 20,
    fireAfterMs: 30_000,
    resolveAfterMs: 60_000,
  },
  errors: {
    factor: 5,
    clearFactor: 3,
    floorRate: 0.05,
    clearFloorRate: 0.03,
    absoluteRate: 0.2,
    clearAbsoluteRate: 0.1,
    minRequests: 50,
    minZ: 4,
    fireAfterMs: 30_000,
    resolveAfterMs: 60_000,
  },
  serverDown: {
    // two 10 s frames: a single failed health check (one frame) is a blip, not an alert
    fireAfterMs: 20_000,
    // longer than a typical flap's up-time, so a flapping server raises one alert, not one per flap
    resolveAfterMs: 120_000,
  },
};

const num = T.optional(T.number({ min: 0 }));
const sustain = { fireAfterMs: num, resolveAfterMs: num };
const overridesShape = T.object({
  windowMs: num,
  capacityFraction: num,
  shareSkew: T.optional(
    T.object({ ...sustain, factor: num, clearFactor: num, minZ: num, holdZ: num, minCount: num }),
  ),
  latency: T.optional(
    T.object({
      ...sustain,
      factor: num,
      clearFactor: num,
      floorMs: num,
      absoluteMs: num,
      clearAbsoluteMs: num,
      minRequests: num,
    }),
  ),
  errors: T.optional(
    T.object({
      ...sustain,
      factor: num,
      clearFactor: num,
      floorRate: num,
      clearFloorRate: num,
      absoluteRate: num,
      clearAbsoluteRate: num,
      minRequests: num,
      minZ: num,
    }),
  ),
  serverDown: T.optional(T.object(sustain)),
});

/** The defaults with `overrides` laid over them; throws a ValidationError naming the bad field. */
export function resolveConfig(overrides: unknown = {}): DetectorConfig {
  const o = overridesShape.check(overrides, 'config') as DetectorOverrides;
  const d = DEFAULT_CONFIG;
  const config: DetectorConfig = {
    windowMs: o.windowMs ?? d.windowMs,
    capacityFraction: o.capacityFraction ?? d.capacityFraction,
    shareSkew: { ...d.shareSkew, ...defined(o.shareSkew) },
    latency: { ...d.latency, ...defined(o.latency) },
    errors: { ...d.errors, ...defined(o.errors) },
    serverDown: { ...d.serverDown, ...defined(o.serverDown) },
  };
  const wrong = problem(config);
  if (wrong) throw new T.ValidationError(`config.${wrong.path}`, wrong.problem);
  return config;
}

// `{ factor: undefined }` must not wipe a default out
function defined<O extends object>(o: O | undefined): Partial<O> {
  return Object.fromEntries(
    Object.entries(o ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<O>;
}

/** The first setting that contradicts another, or null. */
function problem(c: DetectorConfig): { path: string; problem: string } | null {
  const checks: [boolean, string, string][] = [
    [c.windowMs > 0, 'windowMs', 'must be > 0'],
    [c.capacityFraction > 0 && c.capacityFraction <= 1, 'capacityFraction', 'must be in (0, 1]'],
    [c.shareSkew.factor > 1, 'shareSkew.factor', 'must be > 1'],
    [c.latency.factor > 1, 'latency.factor', 'must be > 1'],
    [c.errors.factor > 1, 'errors.factor', 'must be > 1'],
    [c.errors.absoluteRate <= 1, 'errors.absoluteRate', 'must be <= 1'],
    // the bar to stay firing may not be higher than the bar to fire, or an alert would flap
    [c.shareSkew.clearFactor > 1, 'shareSkew.clearFactor', 'must be > 1'],
    [c.shareSkew.clearFactor <= c.shareSkew.factor, 'shareSkew.clearFactor', 'must be <= factor'],
    [c.shareSkew.holdZ <= c.shareSkew.minZ, 'shareSkew.holdZ', 'must be <= minZ'],
    [c.latency.clearFactor <= c.latency.factor, 'latency.clearFactor', 'must be <= factor'],
    [
      c.latency.clearAbsoluteMs <= c.latency.absoluteMs,
      'latency.clearAbsoluteMs',
      'must be <= absoluteMs',
    ],
    [c.errors.clearFactor <= c.errors.factor, 'errors.clearFactor', 'must be <= factor'],
    [
      c.errors.clearFloorRate <= c.errors.floorRate,
      'errors.clearFloorRate',
      'must be <= floorRate',
    ],
    [
      c.errors.clearAbsoluteRate <= c.errors.absoluteRate,
      'errors.clearAbsoluteRate',
      'must be <= absoluteRate',
    ],
  ];
  const failed = checks.find(([ok]) => !ok);
  return failed ? { path: failed[1], problem: failed[2] } : null;
}
