import { describe, expect, it } from 'vitest';
import { suggestOption } from './option-suggestion';

const SERVE = [
  'source',
  'host',
  'port',
  'token',
  'write-token',
  'record',
  'no-record',
  'speed',
  'seed',
];

describe('suggestOption', () => {
  it.each([
    { typed: '-p', want: '--port' },
    { typed: '-h', want: '--host' },
    { typed: '--prot', want: '--port' },
    { typed: '--tokne', want: '--token' },
    { typed: '--records', want: '--record' },
    // more than one near: no guess rather than a wrong one
    { typed: '-s', want: undefined },
    { typed: '--sped', want: undefined },
    { typed: '--verbose', want: undefined },
    { typed: '-', want: undefined },
    { typed: `--${'x'.repeat(100)}`, want: undefined },
  ])('$typed -> $want', ({ typed, want }) => {
    expect(suggestOption(typed, SERVE)).toBe(want);
  });
});
