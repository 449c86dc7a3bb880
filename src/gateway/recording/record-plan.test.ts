import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command-line/usage-error';
import { parseCommandLine } from '../command-line/parse-command-line';
import {
  describePlan,
  openRecording,
  RECORD_DEFAULTS,
  RECORD_OPTIONS,
  recordPlan,
} from './record-plan';

/** recordPlan over `serve`'s recording options as typed on the command line */
const planFor = (argv: string[], replaying = false) => {
  const spec = { name: 'serve', summary: '', operands: [], options: RECORD_OPTIONS };
  const parsed = parseCommandLine(spec, argv);
  if (parsed.help) throw new Error('no help here');
  return recordPlan(parsed.options, 'data', replaying);
};
const folder = (limits: Partial<typeof RECORD_DEFAULTS> = {}) => ({
  kind: 'folder' as const,
  dir: join('data', 'recordings'),
  limits: { ...RECORD_DEFAULTS, ...limits },
});

describe('recordPlan', () => {
  it.each([
    { case: 'the default: the folder', argv: [], replaying: false, want: folder() },
    {
      case: 'limits of the folder',
      argv: ['--record-max-bytes', '20KiB', '--record-max-age=5m', '--record-total-bytes', '1MB'],
      replaying: false,
      want: folder({ maxBytes: 20_480, maxAgeMs: 300_000, totalBytes: 1e6 }),
    },
    {
      case: '0 for no limit',
      argv: ['--record-max-age', '0', '--record-max-bytes', '0'],
      replaying: false,
      want: folder({ maxAgeMs: 0, maxBytes: 0 }),
    },
    {
      case: 'one explicit file',
      argv: ['--record', 'run.ndjson'],
      replaying: false,
      want: { kind: 'file', path: 'run.ndjson' },
    },
    { case: 'off', argv: ['--no-record'], replaying: false, want: { kind: 'off' } },
    { case: 'a replay is not recorded again', argv: [], replaying: true, want: { kind: 'off' } },
    {
      case: 'a replay into an explicit file',
      argv: ['--record', 'r.ndjson'],
      replaying: true,
      want: { kind: 'file', path: 'r.ndjson' },
    },
  ])('$case', ({ argv, replaying, want }) => {
    expect(planFor(argv, replaying)).toEqual(want);
  });

  it.each([
    { argv: ['--record-max-bytes', 'lots'], says: '--record-max-bytes "lots" is not a size' },
    { argv: ['--record-total-bytes=-1'], says: '--record-total-bytes "-1" is not a size' },
    { argv: ['--record-max-age', '60'], says: '--record-max-age "60" is not a duration' },
    { argv: ['--record', ''], says: '--record needs a file name' },
    {
      argv: ['--no-record', '--record', 'a.ndjson'],
      says: '--no-record does not go with --record',
    },
    {
      argv: ['--no-record', '--record-max-age', '1h'],
      says: 'does not go with --record-max-age',
    },
    {
      argv: ['--record', 'a.ndjson', '--record-max-bytes', '1MB'],
      says: 'not to one --record FILE',
    },
  ])('refuses $argv', ({ argv, says }) => {
    expect(() => planFor(argv)).toThrow(UsageError);
    expect(() => planFor(argv)).toThrow(says);
  });

  it("the help's stated defaults are the defaults used", () => {
    const stated = (name: keyof typeof RECORD_OPTIONS) =>
      /\(default (\S+),/.exec(RECORD_OPTIONS[name].help)?.[1] ?? '';
    expect(planFor(['--record-max-bytes', stated('record-max-bytes')])).toEqual(folder());
    expect(planFor(['--record-max-age', stated('record-max-age')])).toEqual(folder());
    expect(planFor(['--record-total-bytes', stated('record-total-bytes')])).toEqual(folder());
  });
});

describe('describePlan', () => {
  it.each([
    {
      plan: folder(),
      want: `${join('data', 'recordings')} (a new file every 64 MiB, every 60 min, at most 1 GiB kept)`,
    },
    {
      plan: folder({ maxBytes: 20_480, maxAgeMs: 0, totalBytes: 0 }),
      want: `${join('data', 'recordings')} (a new file every 20 KiB)`,
    },
    { plan: { kind: 'file', path: 'run.ndjson' }, want: 'run.ndjson' },
  ] as const)('$want', ({ plan, want }) => {
    expect(describePlan(plan)).toBe(want);
  });
});

describe('openRecording, where nothing can be written (a plain file stands where a folder would)', () => {
  const underPlainFile = () => {
    const root = mkdtempSync(join(tmpdir(), 'skewboard-plan-'));
    writeFileSync(join(root, 'plain-file'), 'x');
    return { root, blocked: join(root, 'plain-file') };
  };

  it('--record FILE stops the start, naming the file', () => {
    const { root, blocked } = underPlainFile();
    const path = join(blocked, 'incident.ndjson');
    const warnings: string[] = [];
    try {
      expect(() => openRecording({ kind: 'file', path }, 10, (m) => warnings.push(m))).toThrow(
        new RegExp(`^cannot record to ${path.replace(/[.\\/]/g, '\\$&')}: E[A-Z]+: `),
      );
      expect(warnings).toEqual([]);
    } finally {
      rmSync(root, { recursive: true });
    }
  });

  it('the default folder warns once and serves without recording', () => {
    const { root, blocked } = underPlainFile();
    const plan = {
      kind: 'folder' as const,
      dir: join(blocked, 'recordings'),
      limits: RECORD_DEFAULTS,
    };
    const warnings: string[] = [];
    try {
      expect(openRecording(plan, 10, (m) => warnings.push(m))).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^cannot record to .*recordings: E[A-Z]+: .*serving without recording/,
      );
    } finally {
      rmSync(root, { recursive: true });
    }
  });
});
