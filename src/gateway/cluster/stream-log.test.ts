import { describe, expect, it } from 'vitest';
import { compareEntryIds } from './stream-log';

describe('compareEntryIds', () => {
  it.each([
    { a: '1-0', b: '2-0', sign: -1 },
    { a: '2-0', b: '1-5', sign: 1 },
    { a: '5-1', b: '5-2', sign: -1 },
    { a: '5-2', b: '5-2', sign: 0 },
    { a: '0-0', b: '1712345678901-0', sign: -1 },
    // ms past 2^53 never happen; digits compare as numbers, not text
    { a: '999-0', b: '1000-0', sign: -1 },
  ])('$a against $b: $sign', ({ a, b, sign }) => {
    expect(Math.sign(compareEntryIds(a, b))).toBe(sign);
  });
});
