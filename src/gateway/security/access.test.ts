import { describe, expect, it } from 'vitest';
import { accessOf, bearerToken, sameSecret, type Access, type Tokens } from './access';

const R = 'read-secret';
const W = 'write-secret';

describe('who may read and write', () => {
  it.each<{ tokens: Tokens; given: (string | undefined)[]; access: Access }>([
    { tokens: {}, given: [], access: 'write' },
    { tokens: {}, given: ['anything'], access: 'write' },
    { tokens: { read: R }, given: [], access: 'none' },
    { tokens: { read: R }, given: ['wrong'], access: 'none' },
    { tokens: { read: R }, given: [R], access: 'write' },
    { tokens: { write: W }, given: [], access: 'read' },
    { tokens: { write: W }, given: [W], access: 'write' },
    { tokens: { write: W }, given: ['wrong'], access: 'read' },
    { tokens: { read: R, write: W }, given: [], access: 'none' },
    { tokens: { read: R, write: W }, given: [R], access: 'read' },
    // W implies R: a page given only the write token reads and writes
    { tokens: { read: R, write: W }, given: [W], access: 'write' },
    { tokens: { read: R, write: W }, given: [R, W], access: 'write' },
    { tokens: { read: R, write: W }, given: [undefined, W], access: 'write' },
    { tokens: { read: R, write: W }, given: [`${R}x`], access: 'none' },
    { tokens: { read: R, write: W }, given: [R.slice(0, -1)], access: 'none' },
  ])('tokens $tokens, given $given: $access', ({ tokens, given, access }) => {
    expect(accessOf(given, tokens)).toBe(access);
  });

  it('compares secrets of any length', () => {
    expect(sameSecret('a', 'a')).toBe(true);
    expect(sameSecret('', 'a')).toBe(false);
    expect(sameSecret('a'.repeat(100_000), 'a')).toBe(false);
  });
});

describe('the Authorization header', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc  ', 'abc'],
    ['BEARER abc', 'abc'],
    ['Basic abc', undefined],
    ['Bearer ', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
    [`Bearer ${' '.repeat(100_000)}x`, 'x'],
  ])('%j gives %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
