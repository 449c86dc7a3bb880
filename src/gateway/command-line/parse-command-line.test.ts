import { describe, expect, it } from 'vitest';
import type { CommandSpec } from './option-table';
import { parseCommandLine } from './parse-command-line';
import { UsageError } from './usage-error';

// a command with one option of every shape the tables use
const DEMO = {
  name: 'demo',
  summary: 'a command for the tests',
  operands: [{ name: '<file>', about: 'file to read' }],
  options: {
    url: { type: 'string', placeholder: 'URL', required: true, help: 'where to look' },
    window: {
      type: 'string',
      placeholder: 'DURATION',
      kind: 'duration',
      default: '30s',
      help: 'how long',
    },
    port: { type: 'string', placeholder: 'N', kind: 'port', help: 'a port' },
    speed: { type: 'string', placeholder: 'X', kind: 'number', min: 0.5, help: 'how fast' },
    limit: { type: 'string', placeholder: 'SIZE', kind: 'size', help: 'how big' },
    origin: { type: 'string', placeholder: 'O', multiple: true, help: 'repeatable' },
    quiet: { type: 'boolean', short: 'q', help: 'say less' },
  },
} as const satisfies CommandSpec;

const parse = (argv: string[]) => parseCommandLine(DEMO, argv);
const REQUIRED = ['--url', 'http://x', 'f.ndjson'];

describe('parseCommandLine', () => {
  it('reads every kind of value, and fills in defaults, switches and lists', () => {
    expect(parse(REQUIRED)).toEqual({
      help: false,
      options: { url: 'http://x', window: 30_000, quiet: false, origin: [] },
      operands: ['f.ndjson'],
    });
    expect(
      parse([
        ...REQUIRED,
        '--window=1h',
        '--port',
        '9205',
        '--speed',
        '2.5',
        '--limit',
        '64MiB',
        '--origin',
        'http://a',
        '--origin=http://b',
        '-q',
      ]),
    ).toEqual({
      help: false,
      options: {
        url: 'http://x',
        window: 3_600_000,
        port: 9205,
        speed: 2.5,
        limit: 64 * 2 ** 20,
        origin: ['http://a', 'http://b'],
        quiet: true,
      },
      operands: ['f.ndjson'],
    });
  });

  it('a word after -- is an operand even when it looks like an option', () => {
    const parsed = parse(['--url', 'u', '--', '--quiet']);
    expect(parsed.help === false && parsed.operands).toEqual(['--quiet']);
  });

  it.each([
    { argv: ['--help'] },
    { argv: ['-h'] },
    // help wins over a mistake elsewhere on the line, and over a missing required option
    { argv: ['-p', '9205', '--help'] },
    { argv: ['--window', 'soon', '-h'] },
  ])('$argv asks for help', ({ argv }) => {
    expect(parse(argv)).toEqual({ help: true });
  });

  it.each([
    { argv: [...REQUIRED, '-p', '9205'], says: 'unknown option -p (did you mean --port?)' },
    { argv: [...REQUIRED, '--prot', '1'], says: 'unknown option --prot (did you mean --port?)' },
    {
      argv: [...REQUIRED, '--colour=red'],
      says: 'unknown option --colour (--help lists the options)',
    },
    { argv: [...REQUIRED, '-x'], says: 'unknown option -x (--help lists the options)' },
    { argv: ['f.ndjson'], says: '--url URL is required (where to look)' },
    { argv: [...REQUIRED, '--port'], says: '--port needs a value (N)' },
    {
      argv: [...REQUIRED, '--window', '-1s'],
      says: '--window needs a value (DURATION); a value that starts with - is written --window=-1s',
    },
    { argv: [...REQUIRED, '--quiet=yes'], says: '--quiet takes no value, got "yes"' },
    {
      argv: [...REQUIRED, '--window', '1 hour'],
      says: '--window "1 hour" is not a duration such as 90s',
    },
    { argv: [...REQUIRED, '--window=-1s'], says: '--window "-1s" is not a duration' },
    { argv: [...REQUIRED, '--window', '60'], says: '--window "60" is not a duration' },
    {
      argv: [...REQUIRED, '--port', '65536'],
      says: '--port "65536" is not a port number, 0 to 65535',
    },
    { argv: [...REQUIRED, '--port', '80.5'], says: '--port "80.5" is not a port number' },
    { argv: [...REQUIRED, '--speed', '0.1'], says: '--speed "0.1" is not a number >= 0.5' },
    { argv: [...REQUIRED, '--speed', ''], says: '--speed "" is not a number >= 0.5' },
    { argv: [...REQUIRED, '--limit', 'lots'], says: '--limit "lots" is not a size such as 64MiB' },
    { argv: [...REQUIRED, '--origin'], says: '--origin needs a value (O)' },
    { argv: ['--url', 'u'], says: 'takes exactly one file to read (<file>), got none' },
    { argv: [...REQUIRED, 'g.ndjson'], says: 'takes exactly one file to read (<file>), got 2' },
  ])('refuses $argv: $says', ({ argv, says }) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(says);
  });

  it('a command without operands names the stray word', () => {
    const noOperands = { ...DEMO, operands: [] };
    expect(() => parseCommandLine(noOperands, ['--url', 'u', 'extra'])).toThrow(
      'takes no arguments, got "extra"',
    );
  });

  it('the last of a single-valued option wins, as with most tools', () => {
    const parsed = parse([...REQUIRED, '--port', '1', '--port', '2']);
    expect(parsed.help === false && parsed.options.port).toBe(2);
  });
});
