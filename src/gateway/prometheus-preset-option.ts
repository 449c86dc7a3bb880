/**
 * `--preset NAME` or `--queries FILE`: what a prometheus: source asks. Every refusal is a
 * UsageError (exit 2) naming the flag, and for a file the file and the key at fault.
 */
import { readFileSync, statSync } from 'node:fs';
import { PRESETS, type PromPreset } from '../core/sources/prometheus/presets';
import { presetFromQueriesFile } from '../core/sources/prometheus/queries-file';
import { ValidationError } from '../core/protocol/validate';
import { UsageError } from './command-line/usage-error';

/** The two flags as `serve` read them. */
export interface PresetFlags {
  preset?: string;
  queries?: string;
}

const DEFAULT_PRESET = 'haproxy';

// a queries file is a few hundred bytes: anything this big is the wrong file
const MAX_QUERIES_BYTES = 64 * 1024;

/** Refuses either flag with a source other than prometheus:, which neither goes with. */
export function checkPresetFlags(flags: PresetFlags, sourceKind: string): void {
  const given = (['preset', 'queries'] as const).filter((f) => flags[f] !== undefined);
  if (sourceKind === 'prometheus' || given.length === 0) return;
  throw new UsageError(
    `--${given[0]} goes with --source prometheus:<base URL> only, not a ${sourceKind}: source`,
  );
}

/** The preset a prometheus: source polls with: the file's, the named one, or haproxy. */
export function chosenPreset(flags: PresetFlags): PromPreset {
  if (flags.preset !== undefined && flags.queries !== undefined) {
    throw new UsageError(
      "--queries does not go with --preset: the file's queries replace a preset",
    );
  }
  if (flags.queries !== undefined) return readQueriesFile(flags.queries);
  const name = flags.preset ?? DEFAULT_PRESET;
  const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
  if (!preset) {
    const names = Object.keys(PRESETS);
    throw new UsageError(
      `--preset ${JSON.stringify(name)}: unknown preset; use ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
    );
  }
  return preset;
}

/** The preset `--queries path` describes; throws a UsageError naming the file and the key. */
export function readQueriesFile(path: string): PromPreset {
  const flag = `--queries ${path}`;
  let text: string;
  try {
    if (statSync(path).size > MAX_QUERIES_BYTES) {
      throw new UsageError(`${flag}: larger than ${MAX_QUERIES_BYTES} bytes`);
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${flag}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code})`}`,
    );
  }
  return parseQueriesFile(text, path);
}

/** The preset in `text`, the content of the file `path`. */
export function parseQueriesFile(text: string, path: string): PromPreset {
  const flag = `--queries ${path}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${flag}: not valid JSON (${(err as Error).message})`);
  }
  try {
    return presetFromQueriesFile(value, flag);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new UsageError(`${flag}: ${err.message}`);
  }
}
