import { describe, expect, it } from 'vitest';
import { durationWords, STALE_BANNER_AFTER_MS, staleWords, type StaleFacts } from './stale-words';

const QUIET = Date.UTC(2024, 4, 15, 14, 5, 30);
const facts = (over: Partial<StaleFacts>): StaleFacts => ({
  connection: 'reconnecting',
  quietSince: QUIET,
  newestT: QUIET - 10_000,
  now: QUIET + 3 * 60_000,
  tz: 'UTC',
  ...over,
});

describe('staleWords', () => {
  it.each<{ why: string; over: Partial<StaleFacts> }>([
    { why: 'live', over: { connection: 'live', quietSince: undefined } },
    { why: 'a replay', over: { connection: 'replay' } },
    { why: 'connecting, nothing held', over: { connection: 'connecting' } },
    { why: 'no frame held yet', over: { newestT: NaN } },
    { why: 'a blip', over: { now: QUIET + STALE_BANNER_AFTER_MS - 1 } },
  ])('shows no banner: $why', ({ over }) => {
    expect(staleWords(facts(over))).toBeUndefined();
  });

  it.each<{ over: Partial<StaleFacts>; headline: string; detail: RegExp }>([
    {
      over: {},
      headline: 'Stale: no new data since 14:05:30 (3 min ago)',
      detail: /^the gateway cannot be reached; reconnecting\. .* up to 2024-05-15 14:05:20 UTC/,
    },
    {
      over: { connection: 'stale', tz: '-04:00' },
      headline: 'Stale: no new data since 10:05:30 (3 min ago)',
      detail: /^the gateway sends no frames\./,
    },
    {
      over: { connection: 'offline', now: QUIET + 3 * 86_400_000 },
      headline: 'Stale: no new data since 2024-05-15 14:05:30 UTC (3 days ago)',
      detail: /still trying/,
    },
  ])('$headline', ({ over, headline, detail }) => {
    const words = staleWords(facts(over))!;
    expect(words.headline).toBe(headline);
    expect(words.detail).toMatch(detail);
  });
});

describe('durationWords', () => {
  it.each([
    [0, '0 s'],
    [59_999, '59 s'],
    [60_000, '1 min'],
    [3_599_000, '59 min'],
    [3_600_000, '1 h'],
    [5 * 3_600_000 + 12 * 60_000, '5 h 12 min'],
    [48 * 3_600_000, '2 days'],
    [76 * 3_600_000, '3 days 4 h'],
  ])('%d ms: %s', (ms, words) => {
    expect(durationWords(ms)).toBe(words);
  });
});
