import { describe, expect, it } from 'vitest';
import { commandHelp, toolHelp } from './help-text';
import type { CommandSpec } from './option-table';

const CHECKER = {
  name: 'check',
  summary: 'checks a thing',
  operands: [],
  options: {
    haproxy: { type: 'string', placeholder: 'URL', required: true, help: 'the stats URL' },
    window: {
      type: 'string',
      placeholder: 'DURATION',
      kind: 'duration',
      default: '30s',
      help: 'how long',
    },
    'allow-origin': { type: 'string', placeholder: 'ORIGIN', multiple: true, help: 'who' },
    'a-rather-long-option-name': { type: 'boolean', help: 'on its own line' },
  },
  notes: ['exit 0: fine'],
} as const satisfies CommandSpec;

const READER = {
  name: 'annotations import',
  summary: 'reads a file',
  operands: [{ name: '<file.md>', about: 'file' }],
  options: {},
} as const satisfies CommandSpec;

describe('commandHelp', () => {
  const lines = commandHelp(CHECKER).split('\n');

  it('starts with a usage line spelling out what is required', () => {
    expect(lines[0]).toBe('usage: skewboard check --haproxy URL [options]');
    expect(commandHelp(READER).split('\n')[0]).toBe(
      'usage: skewboard annotations import <file.md> [options]',
    );
  });

  it('lists every option with its help line, default, and whether it repeats', () => {
    // the column is the widest name that fits, plus two
    expect(lines).toContain('      --haproxy URL          the stats URL (required)');
    expect(lines).toContain('      --window DURATION      how long (default 30s)');
    expect(lines).toContain('      --allow-origin ORIGIN  who (repeatable)');
    expect(lines).toContain('  -h, --help                 show this help');
  });

  it('puts the help of a name too wide for the column on the next line', () => {
    const at = lines.indexOf('      --a-rather-long-option-name');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(`${' '.repeat(29)}on its own line`);
  });

  it('ends with the notes', () => {
    expect(lines.at(-1)).toBe('exit 0: fine');
  });
});

describe('toolHelp', () => {
  it('lists each command with what it needs and what it does', () => {
    const lines = toolHelp([CHECKER, READER]).split('\n');
    expect(lines[0]).toBe('usage: skewboard <command> [options]');
    expect(lines).toContain('  check --haproxy URL           checks a thing');
    expect(lines).toContain('  annotations import <file.md>  reads a file');
    expect(lines.at(-1)).toContain('--version');
  });
});
