import { describe, expect, it } from 'vitest';
import { UsageError } from '../command-line/usage-error';
import { cdpEndpoint } from './wall-watchdog';

describe('cdpEndpoint', () => {
  it.each([
    ['http://127.0.0.1:9222', 'http://127.0.0.1:9222'],
    ['http://wall.example:9222/', 'http://wall.example:9222'],
    ['https://wall.example', 'https://wall.example'],
  ])('%s reads as %s', (value, expected) => {
    expect(cdpEndpoint(value)).toBe(expected);
  });

  it.each([['9222'], ['127.0.0.1:9222'], ['ws://127.0.0.1:9222'], ['']])(
    '%j is a usage error naming --cdp',
    (value) => {
      expect(() => cdpEndpoint(value)).toThrow(UsageError);
      expect(() => cdpEndpoint(value)).toThrow(/--cdp/);
    },
  );
});
