/**
 * How `serve` records, from its flags: into the rotating folder `<data>/recordings` (the
 * default), into one explicit file (`--record FILE`), or not at all (`--no-record`).
 */
import { join } from 'node:path';
import type { RotationLimits } from '../../core/recording/recording-rotation';
import type { OptionValues } from '../command-line/option-table';
import { UsageError } from '../command-line/usage-error';
import { RecordingFileError } from '../read-recording';
import { openFileRecorder } from './file-recorder';
import type { Recorder } from './recorder';
import { openRotatingRecorder } from './rotating-recorder';

export const RECORD_DEFAULTS: RotationLimits = {
  maxBytes: 64 * 2 ** 20,
  maxAgeMs: 3_600_000,
  totalBytes: 2 ** 30,
};

/** `serve`'s recording options; the limits have no table default, so giving one is seen. */
export const RECORD_OPTIONS = {
  record: {
    type: 'string',
    placeholder: 'FILE',
    help: 'record into this one file, without rotation',
  },
  'no-record': { type: 'boolean', help: 'do not record' },
  'record-max-bytes': {
    type: 'string',
    placeholder: 'SIZE',
    kind: 'size',
    help: 'a new recording file after this size (default 64MiB, 0 for no limit)',
  },
  'record-max-age': {
    type: 'string',
    placeholder: 'AGE',
    kind: 'duration',
    help: 'a new recording file after this long (default 1h, 0 for no limit)',
  },
  'record-total-bytes': {
    type: 'string',
    placeholder: 'SIZE',
    kind: 'size',
    help: 'oldest recordings deleted past this total (default 1GiB, 0 for no limit)',
  },
} as const;

export type RecordOptions = OptionValues<typeof RECORD_OPTIONS>;

export type RecordPlan =
  | { kind: 'off' }
  | { kind: 'file'; path: string }
  | { kind: 'folder'; dir: string; limits: RotationLimits };

export function recordPlan(
  options: RecordOptions,
  dataDir: string,
  /** a replay is a copy of a file already kept: it is recorded only into an explicit --record FILE */
  replaying = false,
): RecordPlan {
  const { record: path, 'record-max-bytes': maxBytes, 'record-max-age': maxAgeMs } = options;
  const totalBytes = options['record-total-bytes'];
  const limitFlags = (['record-max-bytes', 'record-max-age', 'record-total-bytes'] as const).filter(
    (name) => options[name] !== undefined,
  );
  if (options['no-record']) {
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
  return {
    kind: 'folder',
    dir: join(dataDir, 'recordings'),
    limits: {
      maxBytes: maxBytes ?? RECORD_DEFAULTS.maxBytes,
      maxAgeMs: maxAgeMs ?? RECORD_DEFAULTS.maxAgeMs,
      totalBytes: totalBytes ?? RECORD_DEFAULTS.totalBytes,
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
