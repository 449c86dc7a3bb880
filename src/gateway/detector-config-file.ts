/**
 * `--config FILE`: a JSON file of detector overrides (any part of the detector's config),
 * checked by the detector's own validator wherever the detector runs, so a typo is an error
 * and never a silent default.
 */
import { readFileSync, statSync } from 'node:fs';
import { detectorOverrides, resolveConfig, type DetectorOverrides } from '../core/detector';
import { ValidationError } from '../core/protocol/validate';

/** A config file that cannot be used; the message names the file and what is wrong in it. */
export class DetectorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DetectorConfigError';
  }
}

// a detector config is a few hundred bytes: anything this big is the wrong file
const MAX_CONFIG_BYTES = 1 << 20;

/** The overrides in the file at `path`, none when there is no path; throws DetectorConfigError. */
export function readDetectorConfig(path: string | undefined): DetectorOverrides {
  if (path === undefined) return {};
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES) {
      throw new DetectorConfigError(`--config ${path}: larger than ${MAX_CONFIG_BYTES} bytes`);
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof DetectorConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new DetectorConfigError(
      `--config ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code})`}`,
    );
  }
  return parseDetectorConfig(text, path);
}

/**
 * The overrides in `text`, the content of the file `name`: every key known, every value in its
 * range, and nothing contradicting the defaults it is laid over. Throws DetectorConfigError
 * (`--config NAME: config.shareSkew.minz: unknown key; ...`).
 */
export function parseDetectorConfig(text: string, name: string): DetectorOverrides {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DetectorConfigError(`--config ${name}: not valid JSON (${(err as Error).message})`);
  }
  try {
    const overrides = detectorOverrides.check(value, 'config');
    // a value fine on its own may still contradict a default (clearFactor above factor)
    resolveConfig(overrides);
    return overrides;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new DetectorConfigError(`--config ${name}: ${err.message}`);
  }
}
