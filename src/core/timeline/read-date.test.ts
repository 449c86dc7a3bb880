import { describe, expect, it } from 'vitest';
import { addDays, findDate, isoDate, readDateAt, readIsoDate } from './read-date';

describe('readDateAt reads a date at the start', () => {
  it.each([
    { text: '2024-05-15 14:05', date: { year: 2024, month: 5, day: 15 }, end: 10 },
    { text: '2024-05-15T14:05:00Z', date: { year: 2024, month: 5, day: 15 }, end: 10 },
    { text: '2017/01/31 16:00', date: { year: 2017, month: 1, day: 31 }, end: 10 },
    { text: 'May 15, 2024 at 9:58 AM', date: { year: 2024, month: 5, day: 15 }, end: 12 },
    { text: 'May 15, 14:05 UTC', date: { month: 5, day: 15 }, end: 6 },
    { text: 'Sept. 3rd 2024', date: { year: 2024, month: 9, day: 3 }, end: 14 },
    { text: '15 May 2024 14:05 UTC', date: { year: 2024, month: 5, day: 15 }, end: 11 },
    { text: 'Wednesday, 12 June 2024', date: { year: 2024, month: 6, day: 12 }, end: 23 },
    { text: 'Thu 16 May', date: { month: 5, day: 16 }, end: 10 },
    { text: '2018 October 21 22:52 UTC', date: { year: 2018, month: 10, day: 21 }, end: 15 },
    { text: '05/15/2024', date: { year: 2024, month: 5, day: 15 }, end: 10 },
    { text: '15/05/2024', date: { year: 2024, month: 5, day: 15 }, end: 10 },
    { text: '05/05/2024', date: { year: 2024, month: 5, day: 5 }, end: 10 },
    { text: 'Feb 29 14:00', date: { month: 2, day: 29 }, end: 6 },
  ])('$text', ({ text, date, end }) => {
    expect(readDateAt(text, 0)).toEqual({ date, end });
  });

  it.each([
    { text: '05/06/2024', error: /month\/day or day\/month/ },
    { text: '2024-02-30 14:50', error: /2024-02-30 is not a date/ },
    { text: '2023-02-29', error: /not a date/ },
    { text: 'May 32', error: /not a date/ },
  ])('refuses $text', ({ text, error }) => {
    expect(readDateAt(text, 0)).toEqual({ error: expect.stringMatching(error) });
  });

  // times, numbers and words that merely start like a date
  it.each([
    '14:05 UTC',
    'May 14:05',
    'Mayday at noon',
    '3 servers down',
    'March on',
    '1.5x traffic',
  ])('%j is not a date', (text) => {
    expect(readDateAt(text, 0)).toBeNull();
  });
});

describe('findDate finds the first full date in prose', () => {
  it.each([
    {
      text: 'The outage occurred from 10:00 AM to 12:00 PM (UTC-4) on May 15, 2024.',
      want: '2024-05-15',
    },
    { text: 'On January 31st 2017, we experienced an outage', want: '2017-01-31' },
    { text: 'Incident Report for Acme Cloud · May 15, 2024', want: '2024-05-15' },
    { text: 'Partial outage on 2 November 2023', want: '2023-11-02' },
    { text: 'Date: 2023-03-07', want: '2023-03-07' },
    { text: 'Postmortem of database outage of January 31', want: undefined },
    { text: 'A 2024-05-15x id is not a date, 2024-06-01 is', want: '2024-06-01' },
  ])('$text', ({ text, want }) => {
    const date = findDate(text);
    expect(date && isoDate(date)).toBe(want);
  });
});

describe('readIsoDate and addDays', () => {
  it.each([
    { text: '2024-05-15', want: '2024-05-15' },
    { text: ' 2024-05-15 ', want: '2024-05-15' },
    { text: '2024-5-15', want: undefined },
    { text: '2024-13-01', want: undefined },
    { text: 'May 15, 2024', want: undefined },
  ])('readIsoDate($text)', ({ text, want }) => {
    const date = readIsoDate(text);
    expect(date && isoDate(date)).toBe(want);
  });

  it.each([
    { from: '2024-05-15', days: 1, want: '2024-05-16' },
    { from: '2024-02-28', days: 1, want: '2024-02-29' },
    { from: '2023-12-31', days: 1, want: '2024-01-01' },
  ])('$from + $days day', ({ from, days, want }) => {
    expect(isoDate(addDays(readIsoDate(from)!, days))).toBe(want);
  });
});
