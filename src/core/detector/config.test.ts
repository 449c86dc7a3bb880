import { describe, expect, it } from 'vitest';
import { ValidationError } from '../protocol/validate';
import { DEFAULT_CONFIG, layerOverrides, resolveConfig } from './config';

describe('resolveConfig', () => {
  it('is the defaults with nothing to override', () => {
    expect(resolveConfig()).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    { name: 'a top-level number', o: { windowMs: 30_000 }, path: 'windowMs', want: 30_000 },
    {
      name: 'one field of a section',
      o: { latency: { floorMs: 500 } },
      path: 'latency.floorMs',
      want: 500,
    },
    {
      name: 'the rest of that section stays',
      o: { latency: { floorMs: 500 } },
      path: 'latency.factor',
      want: 3,
    },
    {
      name: 'an undefined field keeps its default',
      o: { errors: { factor: undefined } },
      path: 'errors.factor',
      want: 5,
    },
  ])('overrides $name', ({ o, path, want }) => {
    const config = resolveConfig(o) as unknown as Record<string, Record<string, number>>;
    const [a, b] = path.split('.') as [string, string | undefined];
    expect(b === undefined ? config[a] : config[a]![b]).toBe(want);
  });

  it.each([
    { name: 'not an object', o: 3, error: 'config: expected an object, got the number 3' },
    {
      name: 'a string for a number',
      o: { windowMs: '20s' },
      error: 'config.windowMs: expected a finite number >= 0',
    },
    {
      name: 'a negative number',
      o: { shareSkew: { minZ: -1 } },
      error: 'config.shareSkew.minZ: expected a finite number >= 0',
    },
    {
      name: 'a factor that is not one',
      o: { shareSkew: { factor: 1 } },
      error: 'config.shareSkew.factor: must be > 1',
    },
    {
      name: 'a bar to stay above the bar to fire',
      o: { latency: { clearFactor: 4 } },
      error: 'config.latency.clearFactor: must be <= factor',
    },
    {
      name: 'a fraction over 1',
      o: { capacityFraction: 2 },
      error: 'config.capacityFraction: must be in (0, 1]',
    },
    { name: 'a zero window', o: { windowMs: 0 }, error: 'config.windowMs: must be > 0' },
  ])('rejects $name', ({ o, error }) => {
    expect(() => resolveConfig(o)).toThrow(ValidationError);
    expect(() => resolveConfig(o)).toThrow(error);
  });
});

/** What resolveConfig says is wrong with `o`, or 'ok'. */
const problemOf = (o: unknown) => {
  try {
    resolveConfig(o);
    return 'ok';
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return err.message;
  }
};

describe('resolveConfig refuses a typo', () => {
  it.each([
    { o: { windowMS: 30_000 }, path: 'config.windowMS', known: 'windowMs' },
    { o: { shareSkew: { minz: 9 } }, path: 'config.shareSkew.minz', known: 'minZ' },
    { o: { latency: { floor: 500 } }, path: 'config.latency.floor', known: 'floorMs' },
    { o: { errors: { floorrate: 0.1 } }, path: 'config.errors.floorrate', known: 'floorRate' },
    {
      o: { serverDown: { fireAfter: 0 } },
      path: 'config.serverDown.fireAfter',
      known: 'fireAfterMs',
    },
    // a rule that does not exist is a typo too, not a section to ignore
    { o: { shareskew: { factor: 2 } }, path: 'config.shareskew', known: 'shareSkew' },
  ])('$path, listing $known among the keys there are', ({ o, path, known }) => {
    const message = problemOf(o);
    expect(message.startsWith(`${path}: unknown key; expected one of `)).toBe(true);
    expect(message.split('expected one of ')[1]!.split(', ')).toContain(known);
  });
});

describe('resolveConfig refuses a wrong type or a value out of range, naming its key path', () => {
  it.each([
    {
      o: { latency: { factor: 'x' } },
      error: 'config.latency.factor: expected a finite number >= 0, got the string "x"',
    },
    {
      o: { errors: { minRequests: null } },
      error: 'config.errors.minRequests: expected a finite number >= 0, got null',
    },
    {
      o: { serverDown: { fireAfterMs: true } },
      error: 'config.serverDown.fireAfterMs: expected a finite number >= 0, got boolean',
    },
    { o: { shareSkew: 2 }, error: 'config.shareSkew: expected an object, got the number 2' },
    { o: { latency: [] }, error: 'config.latency: expected an object, got an array' },
    { o: [], error: 'config: expected an object, got an array' },
    {
      o: { windowMs: -20_000 },
      error: 'config.windowMs: expected a finite number >= 0, got the number -20000',
    },
    { o: { windowMs: 0 }, error: 'config.windowMs: must be > 0, got 0' },
    { o: { capacityFraction: 0 }, error: 'config.capacityFraction: must be in (0, 1], got 0' },
    { o: { latency: { factor: 0.5 } }, error: 'config.latency.factor: must be > 1, got 0.5' },
    {
      o: { shareSkew: { clearFactor: 1 } },
      error: 'config.shareSkew.clearFactor: must be > 1, got 1',
    },
    // a rate is a fraction: 5 meaning 5% would mute the rule
    { o: { errors: { floorRate: 5 } }, error: 'config.errors.floorRate: must be in [0, 1], got 5' },
    {
      o: { errors: { absoluteRate: 1.5 } },
      error: 'config.errors.absoluteRate: must be in [0, 1], got 1.5',
    },
    // each value fine alone, wrong against the default it meets
    {
      o: { shareSkew: { holdZ: 6 } },
      error: 'config.shareSkew.holdZ: must be <= minZ, got 6 > 5',
    },
    {
      o: { errors: { clearFloorRate: 0.08 } },
      error: 'config.errors.clearFloorRate: must be <= floorRate, got 0.08 > 0.05',
    },
  ])('$error', ({ o, error }) => {
    expect(problemOf(o)).toBe(error);
  });
});

describe('resolveConfig lays a valid partial config over the defaults', () => {
  it('keeps every default it does not name', () => {
    const o = { capacityFraction: 0.75, shareSkew: { minZ: 6, holdZ: 3 }, serverDown: {} };
    expect(resolveConfig(o)).toEqual({
      ...DEFAULT_CONFIG,
      capacityFraction: 0.75,
      shareSkew: { ...DEFAULT_CONFIG.shareSkew, minZ: 6, holdZ: 3 },
    });
  });

  it('takes every setting there is, so a whole config written out stays valid', () => {
    expect(resolveConfig(JSON.parse(JSON.stringify(DEFAULT_CONFIG)))).toEqual(DEFAULT_CONFIG);
  });

  it('layers overrides field by field within a section, the later winning', () => {
    const file = { windowMs: 30_000, shareSkew: { factor: 2, fireAfterMs: 40_000 } };
    const oneShot = { shareSkew: { fireAfterMs: 0 }, latency: { fireAfterMs: 0 } };
    const config = resolveConfig(layerOverrides(file, oneShot));
    expect(config.windowMs).toBe(30_000);
    expect(config.shareSkew).toEqual({ ...DEFAULT_CONFIG.shareSkew, factor: 2, fireAfterMs: 0 });
    expect(config.latency).toEqual({ ...DEFAULT_CONFIG.latency, fireAfterMs: 0 });
  });
});
