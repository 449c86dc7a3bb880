import { describe, expect, it } from 'vitest';
import * as T from './validate';

const settings = T.strictObject({
  name: T.string,
  limit: T.optional(T.number({ min: 0 })),
  retry: T.strictObject({ times: T.number({ min: 0, integer: true }), backoff: T.boolean }),
});

/** The message `check` throws, or 'ok'. */
const problemOf = (validator: T.Validator<unknown>, value: unknown) => {
  try {
    validator.check(value, 'root');
    return 'ok';
  } catch (err) {
    if (!(err instanceof T.ValidationError)) throw err;
    return err.message;
  }
};

describe('strictObject', () => {
  const valid = { name: 'a', retry: { times: 2, backoff: true } };

  it.each([
    { name: 'a valid object', value: valid, error: 'ok' },
    {
      name: 'an unknown key at the top',
      value: { ...valid, nmae: 'b' },
      error: 'root.nmae: unknown key; expected one of name, limit, retry',
    },
    {
      name: 'an unknown key one level down',
      value: { ...valid, retry: { times: 2, backoff: true, Times: 3 } },
      error: 'root.retry.Times: unknown key; expected one of times, backoff',
    },
    {
      name: 'a hostile key, named but not copied whole',
      value: { ...valid, ['x'.repeat(10_000)]: 1 },
      error: `root.${'x'.repeat(40)}...: unknown key; expected one of name, limit, retry`,
    },
    { name: 'a missing field', value: { name: 'a' }, error: 'root.retry: is missing' },
    {
      name: 'a wrong type one level down',
      value: { ...valid, retry: { times: 2, backoff: 'yes' } },
      error: 'root.retry.backoff: expected a boolean, got the string "yes"',
    },
    { name: 'an array', value: [], error: 'root: expected an object, got an array' },
  ])('$name: $error', ({ value, error }) => {
    expect(problemOf(settings, value)).toBe(error);
  });

  it('names an unknown key before a wrong value, the likelier mistake', () => {
    expect(problemOf(settings, { ...valid, limit: 'x', limt: 3 })).toMatch(/^root\.limt: /);
  });

  it('returns a copy holding only the fields that are set', () => {
    const input = { name: 'a', limit: undefined, retry: { times: 1, backoff: false } };
    const out = settings.check(input);
    expect(Object.keys(out)).toEqual(['name', 'retry']);
    expect(out.retry).not.toBe(input.retry);
  });
});

describe('deepPartial', () => {
  const overrides = T.deepPartial(settings);

  it.each([
    { name: 'nothing', value: {}, error: 'ok' },
    { name: 'one field of a nested object', value: { retry: { times: 3 } }, error: 'ok' },
    {
      name: 'an unknown key, as strictly as the whole',
      value: { retry: { tims: 3 } },
      error: 'root.retry.tims: unknown key; expected one of times, backoff',
    },
    {
      name: 'a wrong value, as strictly as the whole',
      value: { retry: { times: 1.5 } },
      error: 'root.retry.times: expected an integer >= 0, got the number 1.5',
    },
  ])('takes $name: $error', ({ value, error }) => {
    expect(problemOf(overrides, value)).toBe(error);
  });
});

describe('number ranges', () => {
  it.each([
    { opts: { min: 0, above: 1 }, value: 1, error: 'root: must be > 1, got 1' },
    { opts: { min: 0, above: 1 }, value: 1.01, error: 'ok' },
    { opts: { min: 0, max: 1 }, value: 1, error: 'ok' },
    { opts: { min: 0, max: 1 }, value: 1.5, error: 'root: must be in [0, 1], got 1.5' },
    { opts: { above: 0, max: 1 }, value: 0, error: 'root: must be in (0, 1], got 0' },
    { opts: { max: 10 }, value: 11, error: 'root: must be <= 10, got 11' },
    // the type and the lower bound keep the message every protocol error has
    {
      opts: { min: 0, above: 1 },
      value: 'x',
      error: 'root: expected a finite number >= 0, got the string "x"',
    },
    {
      opts: { min: 0, above: 1 },
      value: -1,
      error: 'root: expected a finite number >= 0, got the number -1',
    },
  ])('$opts: $value -> $error', ({ opts, value, error }) => {
    expect(problemOf(T.number(opts), value)).toBe(error);
  });
});

describe('tagged', () => {
  const ack = T.tagged('ok', {
    true: T.object({ ok: T.literal(true), id: T.string }),
    false: T.object({ ok: T.literal(false), error: T.string }),
  });

  it.each([
    { value: { ok: true, id: 'n1' }, error: 'ok' },
    { value: { ok: false, error: 'full' }, error: 'ok' },
    // the variant the tag names is the one whose fields are asked for
    { value: { ok: true, error: 'full' }, error: 'root.id: is missing' },
    { value: { ok: false, id: 'n1' }, error: 'root.error: is missing' },
    { value: { ok: false, error: 3 }, error: 'root.error: expected a string, got the number 3' },
    { value: { id: 'n1' }, error: 'root.ok: is missing' },
    { value: { ok: 'yes' }, error: 'root.ok: expected true or false, got the string "yes"' },
    // a tag spelt as a string is not the boolean
    { value: { ok: 'true', id: 'n1' }, error: 'root.ok: expected true, got the string "true"' },
    { value: { ok: {}, id: 'n1' }, error: 'root.ok: expected true or false, got object' },
    { value: [], error: 'root: expected an object, got an array' },
    { value: null, error: 'root: expected an object, got null' },
  ])('$value -> $error', ({ value, error }) => {
    expect(problemOf(ack, value)).toBe(error);
  });

  it('takes no tag from the prototype', () => {
    const byName = T.tagged('kind', { a: T.object({ kind: T.literal('a') }) });
    expect(problemOf(byName, { kind: 'toString' })).toBe(
      'root.kind: expected a, got the string "toString"',
    );
  });
});
