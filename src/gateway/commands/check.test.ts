import { describe, expect, it } from 'vitest';
import { parseDuration } from './check';

describe('parseDuration', () => {
  it.each([
    { text: '500ms', want: 500 },
    { text: '30s', want: 30_000 },
    { text: '2m', want: 120_000 },
    { text: '1.5s', want: 1500 },
    { text: ' 2s ', want: 2000 },
    // a bare number could mean seconds or milliseconds: refused rather than guessed
    { text: '30', want: null },
    { text: '0s', want: null },
    { text: '-1s', want: null },
    { text: '2h', want: null },
    { text: 's', want: null },
    { text: '', want: null },
  ])('$text -> $want', ({ text, want }) => {
    expect(parseDuration(text)).toBe(want);
  });
});
