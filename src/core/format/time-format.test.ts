import { describe, expect, it } from 'vitest';
import {
  fixedOffsetMinutes,
  formatClock,
  formatDateTime,
  formatLatency,
  isKnownZone,
  offsetLabel,
  zoneOffsetMinutes,
} from './time-format';

// 2024-05-15 14:00 UTC: New York is on EDT (UTC-4), London on BST (UTC+1)
const T = Date.UTC(2024, 4, 15, 14, 0);
const WINTER = Date.UTC(2024, 0, 15, 14, 0);

describe('formatClock', () => {
  it.each([
    { tz: '-04:00', t: T, want: '10:00' },
    { tz: 'UTC', t: T, want: '14:00' },
    { tz: 'Z', t: T, want: '14:00' },
    { tz: 'America/New_York', t: T, want: '10:00' },
    { tz: 'America/New_York', t: WINTER, want: '09:00' },
    { tz: 'Europe/London', t: T, want: '15:00' },
    { tz: 'Asia/Kolkata', t: T, want: '19:30' },
    { tz: '+05:30', t: T, want: '19:30' },
    { tz: '-0400', t: T, want: '10:00' },
    { tz: '-04:00', t: Date.UTC(2024, 4, 15, 2, 5), want: '22:05' },
  ])('$t in $tz -> $want', ({ tz, t, want }) => {
    expect(formatClock(t, tz)).toBe(want);
  });

  it('defaults to UTC and can show seconds', () => {
    expect(formatClock(T + 65_000)).toBe('14:01');
    expect(formatClock(T + 65_000, '-04:00', true)).toBe('10:01:05');
  });

  // ?tz= and hello.tz come from outside: a zone nobody knows must not blank the page
  it.each(['-4', 'America/NewYork', 'Mars/Olympus'])('does not throw on the zone %j', (tz) => {
    expect(() => formatClock(T, tz)).not.toThrow();
    expect(() => formatDateTime(T, tz)).not.toThrow();
    expect(isKnownZone(tz)).toBe(false);
  });
  it.each(['UTC', '-04:00', '+0530', 'America/New_York', 'Europe/Paris'])(
    'knows the zone %j',
    (tz) => {
      expect(isKnownZone(tz)).toBe(true);
    },
  );
});

describe('formatDateTime', () => {
  it.each([
    { tz: '-04:00', t: T, want: '2024-05-15 10:00:00 UTC-4' },
    { tz: 'UTC', t: T, want: '2024-05-15 14:00:00 UTC' },
    { tz: 'America/New_York', t: T, want: '2024-05-15 10:00:00 UTC-4' },
    { tz: 'America/New_York', t: WINTER, want: '2024-01-15 09:00:00 UTC-5' },
    { tz: 'Asia/Kolkata', t: T, want: '2024-05-15 19:30:00 UTC+5:30' },
    { tz: '-04:00', t: Date.UTC(2024, 4, 15, 2, 30, 5), want: '2024-05-14 22:30:05 UTC-4' },
    { tz: '+14:00', t: Date.UTC(2024, 11, 31, 12, 0), want: '2025-01-01 02:00:00 UTC+14' },
  ])('$t in $tz -> $want', ({ tz, t, want }) => {
    expect(formatDateTime(t, tz)).toBe(want);
  });
});

describe('offsetLabel', () => {
  it.each([
    { minutes: 0, want: 'UTC' },
    { minutes: -240, want: 'UTC-4' },
    { minutes: 60, want: 'UTC+1' },
    { minutes: 330, want: 'UTC+5:30' },
    { minutes: 345, want: 'UTC+5:45' },
    { minutes: -570, want: 'UTC-9:30' },
    { minutes: -30, want: 'UTC-0:30' },
  ])('$minutes -> $want', ({ minutes, want }) => {
    expect(offsetLabel(minutes)).toBe(want);
  });
});

describe('fixedOffsetMinutes', () => {
  it.each([
    { tz: 'UTC', want: 0 },
    { tz: 'Z', want: 0 },
    { tz: '-04:00', want: -240 },
    { tz: '+05:30', want: 330 },
    { tz: '+0530', want: 330 },
    { tz: '+00:00', want: 0 },
    { tz: 'America/New_York', want: undefined },
    { tz: '-4', want: undefined },
  ])('$tz -> $want', ({ tz, want }) => {
    expect(fixedOffsetMinutes(tz)).toBe(want);
  });
});

describe('zoneOffsetMinutes', () => {
  it.each([
    { tz: 'America/New_York', t: T, want: -240 },
    { tz: 'America/New_York', t: WINTER, want: -300 },
    { tz: 'Europe/London', t: WINTER, want: 0 },
    { tz: 'Asia/Kathmandu', t: T, want: 345 },
    { tz: '-04:00', t: WINTER, want: -240 },
    // the instant New York leaves EDT: 2024-11-03 06:00 UTC
    { tz: 'America/New_York', t: Date.UTC(2024, 10, 3, 5, 59, 59, 999), want: -240 },
    { tz: 'America/New_York', t: Date.UTC(2024, 10, 3, 6, 0), want: -300 },
  ])('$tz at $t -> $want', ({ tz, t, want }) => {
    expect(zoneOffsetMinutes(t, tz)).toBe(want);
  });
});

describe('formatLatency', () => {
  it.each([
    { ms: 0, want: '0 ms' },
    { ms: 12.4, want: '12 ms' },
    { ms: 850, want: '850 ms' },
    { ms: 999.4, want: '999 ms' },
    { ms: 1000, want: '1.0 s' },
    { ms: 4200, want: '4.2 s' },
    { ms: 9940, want: '9.9 s' },
    { ms: 10_000, want: '10 s' },
    { ms: 12_345, want: '12 s' },
    { ms: NaN, want: '–' },
    { ms: Infinity, want: '–' },
  ])('$ms -> $want', ({ ms, want }) => {
    expect(formatLatency(ms)).toBe(want);
  });
});
