/**
 * `--config FILE`: a JSON file of detector overrides (any part of DetectorConfig), validated
 * the same way wherever the detector runs, so a typo is an error and never a silent default.
 */
import { readFileSync } from 'node:fs';
import { resolveConfig, type DetectorOverrides } from '../core/detector';
import { UsageError } from './command-line/usage-error';

/** The overrides in `path`; throws UsageError naming the file and what is wrong. */
export function readDetectorConfig(path: string | undefined): DetectorOverrides {
  if (path === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid JSON';
    throw new UsageError(`--config ${path}: ${reason}`);
  }
  try {
    resolveConfig(value);
  } catch (err) {
    throw new UsageError(`--config ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return value as DetectorOverrides;
}

/** Overrides layered: `over` wins field by field within each rule's section. */
export function layerOverrides(
  base: DetectorOverrides,
  over: DetectorOverrides,
): DetectorOverrides {
  const sections = ['shareSkew', 'latency', 'errors', 'serverDown'] as const;
  const out: DetectorOverrides = { ...base, ...over };
  for (const s of sections) {
    if (base[s] || over[s]) (out as Record<string, unknown>)[s] = { ...base[s], ...over[s] };
  }
  return out;
}
