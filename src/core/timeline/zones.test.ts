import { describe, expect, it } from 'vitest';
import { offsetZone, readZoneName, wallClockToUtc } from './zones';

describe('readZoneName', () => {
  it.each([
    { word: 'UTC', want: { zone: 'UTC' } },
    { word: 'utc', want: { zone: 'UTC' } },
    { word: 'GMT', want: { zone: 'UTC' } },
    { word: 'Z', want: { zone: 'UTC' } },
    { word: 'EDT', want: { zone: '-04:00' } },
    { word: 'EST', want: { zone: '-05:00' } },
    { word: 'PST', want: { zone: '-08:00' } },
    { word: 'PDT', want: { zone: '-07:00' } },
    { word: 'CEST', want: { zone: '+02:00' } },
    { word: 'BST', want: { zone: '+01:00' } },
    { word: 'ET', want: { zone: 'America/New_York' } },
    { word: 'PT', want: { zone: 'America/Los_Angeles' } },
    { word: 'UTC-4', want: { zone: '-04:00' } },
    { word: 'UTC+05:30', want: { zone: '+05:30' } },
    { word: 'GMT+2', want: { zone: '+02:00' } },
    { word: '+02:00', want: { zone: '+02:00' } },
    { word: '-0400', want: { zone: '-04:00' } },
    { word: '+00:00', want: { zone: 'UTC' } },
    { word: 'America/New_York', want: { zone: 'America/New_York' } },
    { word: 'Europe/London', want: { zone: 'Europe/London' } },
  ])('$word -> $want.zone', ({ word, want }) => {
    expect(readZoneName(word)).toEqual(want);
  });

  // a capital word after a time is often just text ("14:05 DNS failed"): not a zone, no error
  it.each(['DNS', 'API', 'Edt', 'the', 'TCP/IP', ''])('%j is not a zone', (word) => {
    expect(readZoneName(word)).toBeUndefined();
  });

  it.each([
    { word: 'IST', error: /ambiguous/ },
    { word: 'AST', error: /ambiguous/ },
    { word: 'America/Atlantis', error: /not a known time zone/ },
    { word: 'UTC+25', error: /not a UTC offset/ },
  ])('$word is a zone it will not guess at', ({ word, error }) => {
    expect(readZoneName(word)).toEqual({ error: expect.stringMatching(error) });
  });
});

describe('offsetZone', () => {
  it.each([
    { minutes: 0, want: 'UTC' },
    { minutes: -240, want: '-04:00' },
    { minutes: 330, want: '+05:30' },
  ])('$minutes -> $want', ({ minutes, want }) => {
    expect(offsetZone(minutes)).toBe(want);
  });
});

describe('wallClockToUtc', () => {
  const time = (hour: number, minute = 0) => ({ hour, minute, second: 0, ms: 0 });
  it.each([
    { zone: 'UTC', date: [2024, 5, 15], clock: 14, want: Date.UTC(2024, 4, 15, 14) },
    { zone: '-04:00', date: [2024, 5, 15], clock: 10, want: Date.UTC(2024, 4, 15, 14) },
    { zone: '+05:30', date: [2024, 5, 15], clock: 19, want: Date.UTC(2024, 4, 15, 13, 30) },
    // daylight saving: New York is UTC-4 in May, UTC-5 in January
    { zone: 'America/New_York', date: [2024, 5, 15], clock: 10, want: Date.UTC(2024, 4, 15, 14) },
    { zone: 'America/New_York', date: [2024, 1, 15], clock: 10, want: Date.UTC(2024, 0, 15, 15) },
    // the morning the clocks go forward: 01:30 is still EST, 03:30 already EDT
    {
      zone: 'America/New_York',
      date: [2024, 3, 10],
      clock: 1.5,
      want: Date.UTC(2024, 2, 10, 6, 30),
    },
    {
      zone: 'America/New_York',
      date: [2024, 3, 10],
      clock: 3.5,
      want: Date.UTC(2024, 2, 10, 7, 30),
    },
    { zone: 'Europe/London', date: [2024, 6, 11], clock: 22, want: Date.UTC(2024, 5, 11, 21) },
  ])('$date $clock in $zone', ({ zone, date, clock, want }) => {
    const [year, month, day] = date as [number, number, number];
    const t = time(Math.floor(clock), (clock % 1) * 60);
    expect(wallClockToUtc({ year, month, day }, t, zone)).toBe(want);
  });
});
