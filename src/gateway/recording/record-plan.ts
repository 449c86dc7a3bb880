/**
 * How `serve` records, from its flags: into the rotating folder `<data>/recordings` (the
 * default), into one explicit file (`--record FILE`), or not at all (`--no-record`).
 */
import { join } from 'node:path';
import { parseByteSize, parseDurationMs } from '../../core/flag-units';
import type { RotationLimits } from '../../core/recording-rotation';
import { UsageError } from '../args';
import { RecordingFileError } from '../read-recording';
import { openFileRecorder } from './file-recorder';
import type { Recorder } from './recorder';
import { openRotatingRecorder } from './rotating-recorder';

export const RECORD_FLAGS = ['record', 'record-max-bytes', 'record-max-age', 'record-total-bytes'];
/** A switch, without a value. */
export const NO_RECORD = 'no-record';

export const RECORD_DEFAULTS: RotationLimits = {
  maxBytes: 64 * 2 ** 20,
  maxAgeMs: 3_600_000,
  totalBytes: 2 ** 30,
};

export type RecordPlan =
  | { kind: 'off' }
  | { kind: 'file'; path: string }
  | { kind: 'folder'; dir: string; limits: RotationLimits };

export function recordPlan(
  flags: ReadonlyMap<string, string>,
  dataDir: string,
  /** a replay is a copy of a file already kept: it is recorded only into an explicit --record FILE */
  replaying = false,
): RecordPlan {
  const limitFlags = RECORD_FLAGS.filter((f) => f !== 'record' && flags.has(f));
  const path = flags.get('record');
  if (flags.has(NO_RECORD)) {
    const also = [...(path === undefined ? [] : ['record']), ...limitFlags];
    if (also.length > 0) throw new UsageError(`--no-record does not go with --${also[0]}`);
    return { kind: 'off' };
  }
  if (path !== undefined) {
    if (path === '') throw new UsageError('--record needs a file name');
    if (limitFlags.length > 0) {
      throw new UsageError(
        `--${limitFlags[0]} applies to the recordings folder, not to one --record FILE`,
      );
    }
    return { kind: 'file', path };
  }
  if (replaying) return { kind: 'off' };
  const size = (name: string, fallback: number) => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const value = parseByteSize(raw);
    if (value === null) {
      throw new UsageError(
        `--${name} must be a size such as 64MiB, 500KB or 1000000, got ${JSON.stringify(raw)}`,
      );
    }
    return value;
  };
  const raw = flags.get('record-max-age');
  const maxAgeMs = raw === undefined ? RECORD_DEFAULTS.maxAgeMs : parseDurationMs(raw);
  if (maxAgeMs === null) {
    throw new UsageError(
      `--record-max-age must be a duration such as 1h, 30m or 90s, got ${JSON.stringify(raw)}`,
    );
  }
  return {
    kind: 'folder',
    dir: join(dataDir, 'recordings'),
    limits: {
      maxBytes: size('record-max-bytes', RECORD_DEFAULTS.maxBytes),
      maxAgeMs,
      totalBytes: size('record-total-bytes', RECORD_DEFAULTS.totalBytes),
    },
  };
}

/** Opens what the plan says, restoring what the previous run left; undefined when off. */
export function openRecording(
  plan: RecordPlan,
  keepFrames: number,
  warn: (message: string) => void,
): Recorder | undefined {
  switch (plan.kind) {
    case 'off':
      return undefined;
    case 'file':
      // asked for by name: a file that cannot be written stops the start, saying why
      try {
        return openFileRecorder(plan.path, keepFrames, warn);
      } catch (err) {
        if (err instanceof RecordingFileError) throw err;
        throw new Error(`cannot record to ${plan.path}: ${(err as Error).message}`, { cause: err });
      }
    case 'folder':
      // the default: a folder that cannot be written costs the recording, not the dashboard
      try {
        return openRotatingRecorder({ dir: plan.dir, limits: plan.limits, keepFrames, warn });
      } catch (err) {
        // a recording that does not read is bad input: name its file and line, as before
        if (err instanceof RecordingFileError) throw err;
        warn(
          `cannot record to ${plan.dir}: ${(err as Error).message}; serving without recording ` +
            `(--data DIR to record elsewhere, --no-record to say so)`,
        );
        return undefined;
      }
  }
}

const size = (bytes: number) => {
  const [unit, scale] =
    bytes >= 2 ** 30 ? ['GiB', 2 ** 30] : bytes >= 2 ** 20 ? ['MiB', 2 ** 20] : ['KiB', 2 ** 10];
  return `${+(bytes / scale).toFixed(1)} ${unit}`;
};

/** Where and how it records, for the start-up message. */
export function describePlan(plan: Exclude<RecordPlan, { kind: 'off' }>): string {
  if (plan.kind === 'file') return plan.path;
  const { maxBytes, maxAgeMs, totalBytes } = plan.limits;
  const limits = [
    maxBytes > 0 && `a new file every ${size(maxBytes)}`,
    maxAgeMs > 0 && `every ${+(maxAgeMs / 60_000).toFixed(1)} min`,
    totalBytes > 0 && `at most ${size(totalBytes)} kept`,
  ].filter(Boolean);
  return `${plan.dir}${limits.length > 0 ? ` (${limits.join(', ')})` : ''}`;
}
