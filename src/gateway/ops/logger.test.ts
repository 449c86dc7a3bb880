import { describe, expect, it } from 'vitest';
import { createLogger, parseLogFormat, type LogFields, type LogFormat } from './logger';

const NOW = new Date(Date.UTC(2024, 4, 15, 13, 42, 7, 5));

function logged(format: LogFormat, level: 'info' | 'warn' | 'error', msg: string, f?: LogFields) {
  const out: string[] = [];
  const err: string[] = [];
  const logger = createLogger({
    format,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => NOW,
  });
  logger[level](msg, f);
  return { out, err };
}

describe('createLogger', () => {
  it.each([
    [
      'text',
      'info',
      'Open http://localhost:8080/',
      { port: 8080 },
      ['Open http://localhost:8080/'],
      [],
    ],
    ['text', 'warn', 'source stalled', { ms: 3 }, [], ['skewboard: source stalled']],
    [
      'json',
      'info',
      'clients: 3',
      { clients: 3 },
      ['{"clients":3,"time":"2024-05-15T13:42:07.005Z","level":"info","msg":"clients: 3"}'],
      [],
    ],
    [
      'json',
      'error',
      'delivery failed',
      { err: new Error('ECONNREFUSED'), msg: 'not this', level: 'not this' },
      [],
      [
        '{"err":"ECONNREFUSED","msg":"delivery failed","level":"error","time":"2024-05-15T13:42:07.005Z"}',
      ],
    ],
  ] as const)('%s %s %j', (format, level, msg, fields, out, err) => {
    expect(logged(format, level, msg, fields)).toEqual({ out, err });
  });

  it('writes a line whatever the fields hold: a cycle, a bigint, a newline in a message', () => {
    const cycle: Record<string, unknown> = { n: 1n };
    cycle.self = cycle;
    const { err } = logged('json', 'warn', 'two\nlines', { cycle });
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain('\n');
    expect(JSON.parse(err[0]!)).toMatchObject({
      msg: 'two\nlines',
      cycle: { n: '1', self: '[cycle]' },
    });
  });
});

describe('parseLogFormat', () => {
  it.each([
    ['text', 'text'],
    ['json', 'json'],
    ['JSON', undefined],
    ['', undefined],
  ])('%j -> %j', (given, want) => expect(parseLogFormat(given)).toBe(want));
});
