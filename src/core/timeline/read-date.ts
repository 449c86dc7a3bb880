/**
 * Calendar dates as postmortems write them: "2024-05-15", "May 15, 2024", "15 May 2024",
 * "Wednesday, May 15", "2018 October 21", "05/15/2024". The year may be missing; a numeric
 * date that reads both ways ("05/06/2024") is an error, never a coin toss.
 */
import type { CivilDate } from './zones';

/** A date as written: "May 15" has no year. */
export interface WrittenDate {
  year?: number;
  month: number;
  day: number;
}

export type DateAt = { date: WrittenDate; end: number } | { error: string };

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\\.?';
const WEEKDAY =
  '(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\.?,?\\s+)?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const YEAR = '(?:,?\\s+(\\d{4})(?![\\d:]))?';

// sticky: each is tried at one position
// "2024-05-15T14:05" is a date then a time; "2024-05-15x" is an id
const ISO = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\dA-SU-Za-z])/y;
const YEAR_MONTH_DAY = new RegExp(`(\\d{4})\\s+${MONTH}\\s+(\\d{1,2})(?![\\d:])`, 'iy');
const NUMERIC = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/y;
const MONTH_DAY = new RegExp(
  `${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])${YEAR}`,
  'iy',
);
const DAY_MONTH = new RegExp(`${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}${YEAR}`, 'iy');

const pad = (n: number) => String(n).padStart(2, '0');
const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function exec(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function checked(year: number | undefined, month: number, day: number, end: number): DateAt {
  // without a year, February 29 is still a date
  const days = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) {
    return {
      error: `${year === undefined ? '' : `${year}-`}${pad(month)}-${pad(day)} is not a date`,
    };
  }
  return { date: year === undefined ? { month, day } : { year, month, day }, end };
}

const yearOf = (text: string | undefined) => (text === undefined ? undefined : Number(text));

/** Reads a date starting exactly at `pos`; null when none starts there. */
export function readDateAt(s: string, pos: number): DateAt | null {
  let m = exec(ISO, s, pos);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), ISO.lastIndex);
  m = exec(YEAR_MONTH_DAY, s, pos);
  if (m) return checked(Number(m[1]), monthNumber(m[2]!), Number(m[3]), YEAR_MONTH_DAY.lastIndex);
  m = exec(NUMERIC, s, pos);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a <= 12 && b <= 12 && a !== b) {
      return { error: `${m[0]} could be month/day or day/month: write it as YYYY-MM-DD` };
    }
    const [month, day] = a > 12 ? [b, a] : [a, b];
    return checked(Number(m[3]), month, day, NUMERIC.lastIndex);
  }
  m = exec(MONTH_DAY, s, pos);
  if (m) return checked(yearOf(m[3]), monthNumber(m[1]!), Number(m[2]), MONTH_DAY.lastIndex);
  m = exec(DAY_MONTH, s, pos);
  if (m) return checked(yearOf(m[3]), monthNumber(m[2]!), Number(m[1]), DAY_MONTH.lastIndex);
  return null;
}

/** The first full date (with a year) anywhere in a line of prose. */
export function findDate(s: string): CivilDate | undefined {
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]!)) continue;
    const read = readDateAt(s, i);
    if (read && 'date' in read && read.date.year !== undefined) return read.date as CivilDate;
  }
  return undefined;
}

const ISO_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" exactly (a --date flag, opts.date), or undefined. */
export function readIsoDate(s: string): CivilDate | undefined {
  const m = ISO_ONLY.exec(s.trim());
  if (!m) return undefined;
  const read = checked(Number(m[1]), Number(m[2]), Number(m[3]), 0);
  return 'date' in read ? (read.date as CivilDate) : undefined;
}

export const isoDate = (d: CivilDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** The day after (or n days after) a date. */
export function addDays(d: CivilDate, n: number): CivilDate {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
