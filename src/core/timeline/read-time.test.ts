import { describe, expect, it } from 'vitest';
import {
  findZoneAfterTime,
  findZoneAnywhere,
  findZoneDeclaration,
  readStamp,
  type Stamp,
} from './read-time';

const clock = (hour: number, minute: number, second = 0, ms = 0) => ({ hour, minute, second, ms });
const stamp = (fields: Partial<Stamp>): { stamp: Stamp } => ({
  stamp: { approximate: false, rest: '', ...fields },
});

describe('readStamp reads the stamp an entry starts with', () => {
  it.each([
    {
      text: '10:00 AM: The issue was detected',
      want: { time: clock(10, 0), rest: 'The issue was detected' },
    },
    { text: '12:00 PM: fixed', want: { time: clock(12, 0), rest: 'fixed' } },
    { text: '12:30 AM night shift', want: { time: clock(0, 30), rest: 'night shift' } },
    { text: '10:00AM alert', want: { time: clock(10, 0), rest: 'alert' } },
    { text: '2:05 p.m. – restarted', want: { time: clock(14, 5), rest: 'restarted' } },
    {
      text: '3:00pm EDT – all clear',
      want: { time: clock(15, 0), zone: '-04:00', rest: 'all clear' },
    },
    { text: '10 AM standup', want: { time: clock(10, 0), rest: 'standup' } },
    { text: '14:05 alert', want: { time: clock(14, 5), rest: 'alert' } },
    { text: '9:05 alert', want: { time: clock(9, 5), rest: 'alert' } },
    {
      text: '14:05:30 UTC Post-incident review',
      want: { time: clock(14, 5, 30), zone: 'UTC', rest: 'Post-incident review' },
    },
    { text: '14:05 UTC - alert', want: { time: clock(14, 5), zone: 'UTC', rest: 'alert' } },
    {
      text: '10:05 EDT — reported',
      want: { time: clock(10, 5), zone: '-04:00', rest: 'reported' },
    },
    { text: '09:05 PST: paged', want: { time: clock(9, 5), zone: '-08:00', rest: 'paged' } },
    { text: '15:05 CEST – engaged', want: { time: clock(15, 5), zone: '+02:00', rest: 'engaged' } },
    {
      text: '10:05 (UTC-4): found it',
      want: { time: clock(10, 5), zone: '-04:00', rest: 'found it' },
    },
    {
      text: '10:05 America/New_York x',
      want: { time: clock(10, 5), zone: 'America/New_York', rest: 'x' },
    },
    // a capital word after the time is text unless it is a zone
    { text: '14:05 DNS lookups failed', want: { time: clock(14, 5), rest: 'DNS lookups failed' } },
    {
      text: '2024-05-15T14:05:00Z deploy',
      want: {
        date: { year: 2024, month: 5, day: 15 },
        time: clock(14, 5),
        zone: 'UTC',
        rest: 'deploy',
      },
    },
    {
      text: '2024-05-15T16:05:00.250+02:00 rolled back',
      want: {
        date: { year: 2024, month: 5, day: 15 },
        time: clock(16, 5, 0, 250),
        zone: '+02:00',
        rest: 'rolled back',
      },
    },
    {
      text: '[2024-05-15 14:05:00,123 UTC] queue full',
      want: {
        date: { year: 2024, month: 5, day: 15 },
        time: clock(14, 5, 0, 123),
        zone: 'UTC',
        rest: 'queue full',
      },
    },
    {
      text: '2024-05-15 14:05 alert',
      want: { date: { year: 2024, month: 5, day: 15 }, time: clock(14, 5), rest: 'alert' },
    },
    {
      text: 'May 15, 14:05 UTC',
      want: { date: { month: 5, day: 15 }, time: clock(14, 5), zone: 'UTC' },
    },
    {
      text: '15 May 2024 14:05 UTC – rolled out',
      want: {
        date: { year: 2024, month: 5, day: 15 },
        time: clock(14, 5),
        zone: 'UTC',
        rest: 'rolled out',
      },
    },
    {
      text: 'May 15, 2024 at 9:58:31 AM',
      want: { date: { year: 2024, month: 5, day: 15 }, time: clock(9, 58, 31) },
    },
    {
      text: 'Posted 2 days ago. May 15, 2024 - 14:00 UTC',
      want: { date: { year: 2024, month: 5, day: 15 }, time: clock(14, 0), zone: 'UTC' },
    },
    {
      text: '2018 October 21 22:52 UTC',
      want: { date: { year: 2018, month: 10, day: 21 }, time: clock(22, 52), zone: 'UTC' },
    },
    { text: '~19:00: spam', want: { time: clock(19, 0), approximate: true, rest: 'spam' } },
    { text: 'approx. 19:00 spam', want: { time: clock(19, 0), approximate: true, rest: 'spam' } },
    {
      text: '23:00–23:27: removed',
      want: { time: clock(23, 0), endTime: clock(23, 27), rest: 'removed' },
    },
    // "10:00-10:15 AM": the start is in the morning too; "11:30-1:15 PM" starts before noon
    { text: '10:00-10:15 AM x', want: { time: clock(10, 0), endTime: clock(10, 15), rest: 'x' } },
    {
      text: '11:30 to 1:15 PM x',
      want: { time: clock(11, 30), endTime: clock(13, 15), rest: 'x' },
    },
    { text: '1:00-2:15 PM x', want: { time: clock(13, 0), endTime: clock(14, 15), rest: 'x' } },
    {
      text: '14:05 - 14:20 UTC x',
      want: { time: clock(14, 5), endTime: clock(14, 20), zone: 'UTC', rest: 'x' },
    },
    { text: 'Wednesday, 12 June 2024', want: { date: { year: 2024, month: 6, day: 12 } } },
    {
      text: '2024-05-15 - no time here',
      want: { date: { year: 2024, month: 5, day: 15 }, rest: 'no time here' },
    },
  ])('$text', ({ text, want }) => {
    expect(readStamp(text)).toEqual(stamp(want));
  });

  it.each([
    'The issue was detected',
    'At 14:05 we noticed',
    '3 servers restarted',
    '',
    'v2.3.1 shipped',
  ])('%j does not start with a stamp', (text) => {
    expect(readStamp(text)).toBeNull();
  });

  it.each([
    { text: '25:10 Engineers began', error: '25:10 is not a time of day' },
    { text: '14:75 x', error: '14:75 is not a time of day' },
    { text: '13:00 PM x', error: '13:00 PM is not a time of day' },
    { text: '1:5 x', error: 'cannot read the time in "1:5 x"' },
    { text: '14:20 IST failover', error: expect.stringMatching(/IST is ambiguous/) },
    { text: '14:20 America/Atlantis x', error: expect.stringMatching(/not a known time zone/) },
    { text: '05/06/2024 14:40 x', error: expect.stringMatching(/month\/day or day\/month/) },
  ])('refuses $text', ({ text, error }) => {
    expect(readStamp(text)).toEqual({ error });
  });
});

describe('finding the zone a line states', () => {
  it.each([
    { text: 'All times are in UTC.', want: 'UTC' },
    { text: 'all times UTC', want: 'UTC' },
    { text: 'Times in EDT', want: '-04:00' },
    { text: 'Time zone: America/New_York', want: 'America/New_York' },
    { text: 'Timezone - Europe/Berlin', want: 'Europe/Berlin' },
    { text: 'Engineers noticed slow response times while investigating', want: undefined },
  ])('declaration: $text', ({ text, want }) => {
    const found = findZoneDeclaration(text);
    expect(found && 'zone' in found ? found.zone : undefined).toBe(want);
  });

  it.each([
    {
      text: 'The outage occurred from 10:00 AM to 12:00 PM (UTC-4) on May 15, 2024.',
      want: '-04:00',
    },
    { text: 'Starting at 11:43 UTC on 2 November 2023', want: 'UTC' },
    { text: 'Between 22:40 and 01:15 webhooks were delayed', want: undefined },
  ])('after a time: $text', ({ text, want }) => {
    const found = findZoneAfterTime(text);
    expect(found && 'zone' in found ? found.zone : undefined).toBe(want);
  });

  it.each([
    { text: 'Time (UTC)', want: 'UTC' },
    { text: 'Time (EDT)', want: '-04:00' },
    { text: 'Timestamp, America/Chicago', want: 'America/Chicago' },
    { text: 'Timeline', want: undefined },
    { text: 'Time', want: undefined },
  ])('in a label: $text', ({ text, want }) => {
    const found = findZoneAnywhere(text);
    expect(found && 'zone' in found ? found.zone : undefined).toBe(want);
  });
});
