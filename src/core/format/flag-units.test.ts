import { describe, expect, it } from 'vitest';
import { parseByteSize, parseDurationMs } from './flag-units';

describe('parseByteSize', () => {
  it.each([
    { text: '1000', want: 1000 },
    { text: '0', want: 0 },
    { text: '64MiB', want: 64 * 2 ** 20 },
    { text: '64mib', want: 64 * 2 ** 20 },
    { text: '1GiB', want: 2 ** 30 },
    { text: '20KiB', want: 20_480 },
    { text: '500KB', want: 500_000 },
    { text: '1.5MB', want: 1_500_000 },
    { text: ' 2 GB ', want: 2e9 },
    { text: '10B', want: 10 },
    { text: '', want: null },
    { text: 'big', want: null },
    { text: '-5', want: null },
    { text: '5 parsecs', want: null },
    { text: '1e6', want: null },
    { text: '1'.repeat(33), want: null },
  ])('$text -> $want', ({ text, want }) => {
    expect(parseByteSize(text)).toBe(want);
  });
});

describe('parseDurationMs', () => {
  it.each([
    { text: '1h', want: 3_600_000 },
    { text: '30m', want: 1_800_000 },
    { text: '15m', want: 900_000 },
    { text: '90s', want: 90_000 },
    { text: '30s', want: 30_000 },
    { text: '1.5s', want: 1500 },
    { text: ' 2s ', want: 2000 },
    { text: '250ms', want: 250 },
    { text: '500ms', want: 500 },
    { text: '1.5h', want: 5_400_000 },
    { text: '2d', want: 172_800_000 },
    { text: '0', want: 0 },
    { text: '0s', want: 0 },
    // a bare number could mean seconds or milliseconds: refused rather than guessed
    { text: '60', want: null },
    { text: '1 hour', want: null },
    { text: '1H', want: null },
    { text: 's', want: null },
    { text: '', want: null },
    { text: '-1h', want: null },
    { text: '1h30m', want: null },
    { text: `${'9'.repeat(40)}s`, want: null },
  ])('$text -> $want', ({ text, want }) => {
    expect(parseDurationMs(text)).toBe(want);
  });
});
