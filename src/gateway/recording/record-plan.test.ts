import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args';
import { describePlan, openRecording, RECORD_DEFAULTS, recordPlan } from './record-plan';

const flags = (o: Record<string, string | undefined>) =>
  new Map(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
const folder = (limits: Partial<typeof RECORD_DEFAULTS> = {}) => ({
  kind: 'folder' as const,
  dir: join('data', 'recordings'),
  limits: { ...RECORD_DEFAULTS, ...limits },
});

describe('recordPlan', () => {
  it.each([
    { case: 'the default: the folder', flags: {}, replaying: false, want: folder() },
    {
      case: 'limits of the folder',
      flags: { 'record-max-bytes': '20KiB', 'record-max-age': '5m', 'record-total-bytes': '1MB' },
      replaying: false,
      want: folder({ maxBytes: 20_480, maxAgeMs: 300_000, totalBytes: 1e6 }),
    },
    {
      case: '0 for no limit',
      flags: { 'record-max-age': '0' },
      replaying: false,
      want: folder({ maxAgeMs: 0 }),
    },
    {
      case: 'one explicit file',
      flags: { record: 'run.ndjson' },
      replaying: false,
      want: { kind: 'file', path: 'run.ndjson' },
    },
    { case: 'off', flags: { 'no-record': '' }, replaying: false, want: { kind: 'off' } },
    { case: 'a replay is not recorded again', flags: {}, replaying: true, want: { kind: 'off' } },
    {
      case: 'a replay into an explicit file',
      flags: { record: 'r.ndjson' },
      replaying: true,
      want: { kind: 'file', path: 'r.ndjson' },
    },
  ])('$case', ({ flags: f, replaying, want }) => {
    expect(recordPlan(flags(f), 'data', replaying)).toEqual(want);
  });

  it.each([
    { flags: { 'record-max-bytes': 'lots' }, says: '--record-max-bytes must be a size' },
    { flags: { 'record-total-bytes': '-1' }, says: '--record-total-bytes must be a size' },
    { flags: { 'record-max-age': '60' }, says: '--record-max-age must be a duration' },
    {
      flags: { 'no-record': '', record: 'a.ndjson' },
      says: '--no-record does not go with --record',
    },
    {
      flags: { 'no-record': '', 'record-max-age': '1h' },
      says: 'does not go with --record-max-age',
    },
    { flags: { record: 'a.ndjson', 'record-max-bytes': '1MB' }, says: 'not to one --record FILE' },
  ])('refuses $flags', ({ flags: f, says }) => {
    expect(() => recordPlan(flags(f), 'data')).toThrow(UsageError);
    expect(() => recordPlan(flags(f), 'data')).toThrow(says);
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
