/**
 * A small validator kit: each validator checks untrusted data and returns it typed, or throws a
 * ValidationError naming the path of the first thing that is wrong. Types are derived from the
 * validators (`Infer<typeof x>`), so a type can never drift from what is checked at run time.
 */

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'ValidationError';
  }
}

export interface Validator<T> {
  /** Returns `value` as T, or throws a ValidationError naming `path`. */
  check(value: unknown, path?: string): T;
  readonly optional?: boolean;
}

export type Infer<V> = V extends Validator<infer T> ? T : never;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ValidationError(path, `expected ${expected}, got ${describe(value)}`);
}

/**
 * Checks a child with a path relative to it, and puts the parent's part in front only when it
 * fails: valid data, the common case, then builds no path strings at all.
 */
function checkChild<T>(
  validator: Validator<T>,
  value: unknown,
  path: string,
  key: string | number,
): T {
  try {
    return validator.check(value);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const here = join(path, key);
    const inner = err.path;
    const full = inner === '' ? here : inner.startsWith('[') ? here + inner : `${here}.${inner}`;
    throw new ValidationError(full, err.problem);
  }
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export const string: Validator<string> = {
  check(value, path = '') {
    return typeof value === 'string' ? value : fail(path, 'a string', value);
  },
};

/** A string of at most `maxLength` UTF-16 units: every string from outside has a bound. */
export function boundedString(maxLength: number): Validator<string> {
  return {
    check(value, path = '') {
      if (typeof value !== 'string') return fail(path, 'a string', value);
      if (value.length > maxLength) {
        throw new ValidationError(path, `is ${value.length} characters long, at most ${maxLength}`);
      }
      return value;
    },
  };
}

export const boolean: Validator<boolean> = {
  check(value, path = '') {
    return typeof value === 'boolean' ? value : fail(path, 'a boolean', value);
  },
};

/**
 * A finite number, optionally bounded. A wrong type or a value under `min` is "expected a finite
 * number >= min"; a value past `above` (exclusive) or `max` (inclusive) is "must be in (above, max]",
 * so a setting that is a number but out of its range says what its range is.
 */
export function number(
  opts: { min?: number; integer?: boolean; above?: number; max?: number } = {},
): Validator<number> {
  const { min, integer, above, max } = opts;
  const expected = `${integer ? 'an integer' : 'a finite number'}${min === undefined ? '' : ` >= ${min}`}`;
  return {
    check(value, path = '') {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, expected, value);
      if (integer && !Number.isInteger(value)) return fail(path, expected, value);
      if (min !== undefined && value < min) return fail(path, expected, value);
      if ((above !== undefined && value <= above) || (max !== undefined && value > max)) {
        throw new ValidationError(path, `must be ${rangeText(min, above, max)}, got ${value}`);
      }
      return value;
    },
  };
}

/** "> 1", "<= 1", "in (0, 1]" or "in [0, 1]": the range a number past `above` or `max` missed. */
function rangeText(min?: number, above?: number, max?: number): string {
  const low = above !== undefined ? `(${above}` : min !== undefined ? `[${min}` : null;
  if (max === undefined) return `> ${above}`;
  return low === null ? `<= ${max}` : `in ${low}, ${max}]`;
}

export function literal<const L extends string | number | boolean>(...allowed: L[]): Validator<L> {
  const expected = allowed.map((a) => JSON.stringify(a)).join(' or ');
  return {
    check(value, path = '') {
      return allowed.includes(value as L) ? (value as L) : fail(path, expected, value);
    },
  };
}

export function optional<T>(inner: Validator<T>): Validator<T | undefined> {
  return {
    optional: true,
    check(value, path = '') {
      return value === undefined ? undefined : inner.check(value, path);
    },
  };
}

export function nullable<T>(inner: Validator<T>): Validator<T | null> {
  return {
    check(value, path = '') {
      return value === null ? null : inner.check(value, path);
    },
  };
}

export function array<T>(item: Validator<T>, opts: { maxLength?: number } = {}): Validator<T[]> {
  return {
    check(value, path = '') {
      if (!Array.isArray(value)) return fail(path, 'an array', value);
      if (opts.maxLength !== undefined && value.length > opts.maxLength) {
        throw new ValidationError(path, `has ${value.length} items, at most ${opts.maxLength}`);
      }
      for (let i = 0; i < value.length; i++) checkChild(item, value[i], path, i);
      return value as T[];
    },
  };
}

type Shape = Record<string, Validator<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { optional: true } ? K : undefined extends Infer<S[K]> ? K : never;
}[keyof S];
type ObjectOf<S extends Shape> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & { [K in OptionalKeys<S>]?: Infer<S[K]> };
type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * An object with the given fields. Unknown fields are allowed (a newer peer may add optional
 * ones, CONTRACT: "add to it freely") and passed through untouched.
 */
export function object<S extends Shape>(shape: S): Validator<Flatten<ObjectOf<S>>> {
  const entries = Object.entries(shape);
  return {
    check(value, path = '') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail(path, 'an object', value);
      }
      const record = value as Record<string, unknown>;
      for (const [key, validator] of entries) {
        const field = record[key];
        if (field === undefined && !validator.optional) {
          throw new ValidationError(join(path, key), 'is missing');
        }
        checkChild(validator, field, path, key);
      }
      return value as Flatten<ObjectOf<S>>;
    },
  };
}

/** An object validator that shows its fields, so another validator can be built from them. */
export interface ObjectValidator<S extends Shape> extends Validator<Flatten<ObjectOf<S>>> {
  readonly shape: S;
}

const isObjectValidator = (v: Validator<unknown>): v is ObjectValidator<Shape> => 'shape' in v;

// a hostile key is named in the error, not copied whole into it
const MAX_KEY_SHOWN = 40;
const shownKey = (key: string) =>
  key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}...` : key;

/**
 * An object with exactly the given fields, for what a person writes (a config file): there an
 * unknown field is a typo, so it is refused, naming it and the fields there are. Returns a new
 * object holding the checked fields that are set, so an explicit `undefined` hides no default.
 */
export function strictObject<S extends Shape>(shape: S): ObjectValidator<S> {
  const keys = Object.keys(shape);
  const known = new Set(keys);
  return {
    shape,
    check(value, path = '') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail(path, 'an object', value);
      }
      const record = value as Record<string, unknown>;
      // unknown keys first: a typo also leaves its key unset, and the typo is what to name
      const unknown = Object.keys(record).find((key) => !known.has(key));
      if (unknown !== undefined) {
        throw new ValidationError(
          join(path, shownKey(unknown)),
          `unknown key; expected one of ${keys.join(', ')}`,
        );
      }
      const checked: Record<string, unknown> = {};
      for (const key of keys) {
        const validator = shape[key]!;
        const field = record[key];
        if (field === undefined && !validator.optional) {
          throw new ValidationError(join(path, key), 'is missing');
        }
        const fieldValue = checkChild(validator, field, path, key);
        if (fieldValue !== undefined) checked[key] = fieldValue;
      }
      return checked as Flatten<ObjectOf<S>>;
    },
  };
}

/** Every field optional, at every depth: what overrides of T may hold. */
export type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

type PartialShape<S extends Shape> = {
  [K in keyof S]: Validator<DeepPartial<Infer<S[K]>> | undefined> & { optional: true };
};

/**
 * The same strict object with every field optional, and each field that is itself a strict
 * object partial too: overrides of a config, checked as strictly as the config.
 */
export function deepPartial<S extends Shape>(
  object: ObjectValidator<S>,
): ObjectValidator<PartialShape<S>> {
  const shape: Shape = {};
  for (const [key, field] of Object.entries(object.shape)) {
    shape[key] = optional(isObjectValidator(field) ? deepPartial(field) : field);
  }
  // each field above is the optional form of its own, which is what PartialShape says
  return strictObject(shape) as ObjectValidator<PartialShape<S>>;
}

/**
 * One of several objects told apart by one field, as `{ ok: true, id } | { ok: false, error }`:
 * the field's value (as a string) picks the validator the whole object must then pass, which
 * checks the field itself too. Keys are the field's values: `true`, `false`, `"firing"`...
 */
export function tagged<M extends Record<string, Validator<object>>>(
  key: string,
  byTag: M,
): Validator<Infer<M[keyof M]>> {
  const tags = Object.keys(byTag).join(' or ');
  return {
    check(value, path = '') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail(path, 'an object', value);
      }
      const tag = (value as Record<string, unknown>)[key];
      if (tag === undefined) throw new ValidationError(join(path, key), 'is missing');
      const variant =
        (typeof tag === 'string' || typeof tag === 'number' || typeof tag === 'boolean') &&
        Object.hasOwn(byTag, String(tag))
          ? byTag[String(tag)]
          : undefined;
      if (variant === undefined) return fail(join(path, key), tags, tag);
      return variant.check(value, path) as Infer<M[keyof M]>;
    },
  };
}

/** Adds a check across fields, run after the shape is known to be right. */
export function refine<T>(
  inner: Validator<T>,
  test: (value: T) => { path: string; problem: string } | null,
): Validator<T> {
  return {
    // no `shape`: deepPartial of it would drop the test across fields without a word
    optional: inner.optional,
    check(value, path = '') {
      const typed = inner.check(value, path);
      const wrong = test(typed);
      if (wrong) {
        throw new ValidationError(wrong.path ? join(path, wrong.path) : path, wrong.problem);
      }
      return typed;
    },
  };
}
