import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validate';
import { DEFAULT_CONFIG, resolveConfig } from './config';

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
