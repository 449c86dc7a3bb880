/**
 * The detector's thresholds: one validator says what each setting may be, the types are derived
 * from it, and the defaults were chosen against the scenarios in mocks/scenarios. A user's
 * overrides go through the same validator, so a typo fails loudly instead of silently muting a
 * rule.
 */
import * as T from '../protocol/validate';

// every setting is a time, a count, a rate, a factor or a number of sigmas: none is negative
const amount = T.number({ min: 0 });
// a factor of 1 or less would call a server that gets its exact share skewed
const factor = T.number({ min: 0, above: 1 });
const rate = T.number({ min: 0, max: 1 });

/** How long a condition must hold before an alert fires, and stay away before it resolves. */
const sustain = T.strictObject({ fireAfterMs: amount, resolveAfterMs: amount });

const shareSkew = T.strictObject({
  ...sustain.shape,
  /** fire at this many times the weighted share, or 1/factor of it */
  factor,
  /** a firing skew stays until the share is back inside this factor */
  clearFactor: factor,
  /** sigmas of the likelihood-ratio test needed to fire */
  minZ: amount,
  /** sigmas needed to stay firing */
  holdZ: amount,
  /** requests seen (over-share) or expected (under-share) before a share is judged at all */
  minCount: amount,
});

const latency = T.strictObject({
  ...sustain.shape,
  /** fire at this many times the pool's median p95 */
  factor,
  clearFactor: amount,
  /** never fire below this p95, however fast the pool */
  floorMs: amount,
  /** fire above this p95 whatever the pool does: how a pool that is hot as a whole shows */
  absoluteMs: amount,
  clearAbsoluteMs: amount,
  /** requests in the window before a p95 is worth judging */
  minRequests: amount,
});

const errors = T.strictObject({
  ...sustain.shape,
  /** fire at this many times the pool's error rate */
  factor,
  clearFactor: amount,
  /** never fire below this error rate */
  floorRate: rate,
  clearFloorRate: rate,
  /** fire above this error rate whatever the pool does */
  absoluteRate: rate,
  clearAbsoluteRate: rate,
  minRequests: amount,
  /** sigmas by which its errors must beat the pool's rate */
  minZ: amount,
});

const detectorConfigFields = T.strictObject({
  /** the stretch of frames each rule sums over */
  windowMs: T.number({ min: 0, above: 0 }),
  /** more than this fraction of a pool hot (or down) together is a pool-wide problem */
  capacityFraction: T.number({ min: 0, above: 0, max: 1 }),
  shareSkew,
  latency,
  errors,
  serverDown: sustain,
});

/** A whole config: every setting there, each in its range, none contradicting another. */
export const detectorConfig = T.refine(detectorConfigFields, contradiction);

/** Any subset of the config, section by section: what a config file holds. */
export const detectorOverrides = T.deepPartial(detectorConfigFields);

export type Sustain = T.Infer<typeof sustain>;
export type ShareSkewConfig = T.Infer<typeof shareSkew>;
export type LatencyConfig = T.Infer<typeof latency>;
export type ErrorsConfig = T.Infer<typeof errors>;
/** Everything the detector is told: see the fields of `detectorConfigFields` for what each means. */
export type DetectorConfig = T.Infer<typeof detectorConfig>;
/** Any subset of the config, section by section. */
export type DetectorOverrides = T.Infer<typeof detectorOverrides>;

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

/**
 * The defaults with `overrides` laid over them: throws a ValidationError naming the key path
 * (`config.shareSkew.minz: unknown key; ...`) of the first thing wrong.
 */
export function resolveConfig(overrides: unknown = {}): DetectorConfig {
  const over = detectorOverrides.check(overrides, 'config');
  return detectorConfig.check(layerOverrides(DEFAULT_CONFIG, over), 'config');
}

/** `over` laid on `base`, field by field within each rule's section. */
export function layerOverrides(
  base: DetectorOverrides,
  over: DetectorOverrides,
): DetectorOverrides {
  return {
    windowMs: over.windowMs ?? base.windowMs,
    capacityFraction: over.capacityFraction ?? base.capacityFraction,
    shareSkew: { ...base.shareSkew, ...over.shareSkew },
    latency: { ...base.latency, ...over.latency },
    errors: { ...base.errors, ...over.errors },
    serverDown: { ...base.serverDown, ...over.serverDown },
  };
}

/** The first setting that contradicts another, or null. */
function contradiction(c: T.Infer<typeof detectorConfigFields>) {
  // the bar to stay firing may not be higher than the bar to fire, or an alert would flap
  const pairs: [lower: number, upper: number, path: string, upperName: string][] = [
    [c.shareSkew.clearFactor, c.shareSkew.factor, 'shareSkew.clearFactor', 'factor'],
    [c.shareSkew.holdZ, c.shareSkew.minZ, 'shareSkew.holdZ', 'minZ'],
    [c.latency.clearFactor, c.latency.factor, 'latency.clearFactor', 'factor'],
    [c.latency.clearAbsoluteMs, c.latency.absoluteMs, 'latency.clearAbsoluteMs', 'absoluteMs'],
    [c.errors.clearFactor, c.errors.factor, 'errors.clearFactor', 'factor'],
    [c.errors.clearFloorRate, c.errors.floorRate, 'errors.clearFloorRate', 'floorRate'],
    [c.errors.clearAbsoluteRate, c.errors.absoluteRate, 'errors.clearAbsoluteRate', 'absoluteRate'],
  ];
  const broken = pairs.find(([lower, upper]) => lower > upper);
  if (!broken) return null;
  const [lower, upper, path, upperName] = broken;
  return { path, problem: `must be <= ${upperName}, got ${lower} > ${upper}` };
}
