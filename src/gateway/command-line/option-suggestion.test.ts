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

  it.each([
    // port and preset both start with p: the preferred one is the guess
    { typed: '-p', want: '--port' },
    { typed: '-pr', want: '--preset' },
    { typed: '--prset', want: '--preset' },
    // a preference only breaks ties among near names, it adds none
    { typed: '-x', want: undefined },
  ])('with --preset too, port preferred: $typed -> $want', ({ typed, want }) => {
    expect(suggestOption(typed, [...SERVE, 'preset'], ['port'])).toBe(want);
  });

  it('without a preference, two near names are no guess', () => {
    expect(suggestOption('-p', [...SERVE, 'preset'])).toBeUndefined();
  });
});
