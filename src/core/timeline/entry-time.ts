/**
 * When an entry happened, in UTC ms: its stamp, completed from the day and zone in force. A
 * time-only entry earlier than the one before it is on the next day (tagged `crossed-midnight`,
 * as is every time-only entry after it), unless it is within an hour of it: that is an entry out
 * of order, and reported, since either reading would be a guess.
 */
import { addDays } from './read-date';
import type { Stamp } from './read-time';
import { wallClockToUtc, type CivilDate, type ClockTime } from './zones';

/** The day and zone in force as a timeline is read, and the entry before. */
export interface TimelineClock {
  date?: CivilDate;
  zone?: string;
  /** the day was moved past midnight since a date was last written */
  crossed: boolean;
  last?: { t: number; line: number };
}

export type EntryTime = { t: number; endT?: number; tags: string[] } | { error: string };

const OUT_OF_ORDER_MS = 60 * 60_000;
export const CROSSED_MIDNIGHT = 'crossed-midnight';
export const APPROXIMATE = 'approximate';

const pad = (n: number) => String(n).padStart(2, '0');
const clockText = (t: ClockTime) => `${pad(t.hour)}:${pad(t.minute)}`;

/** Resolves a stamp with a time of day; on success moves `clock` on to this entry. */
export function entryTime(
  stamp: Stamp & { time: ClockTime },
  clock: TimelineClock,
  line: number,
  columnZone?: string,
): EntryTime {
  const zone = stamp.zone ?? columnZone ?? clock.zone;
  let date = clock.date;
  if (stamp.date) {
    const year = stamp.date.year ?? clock.date?.year;
    if (year === undefined) {
      return { error: 'no year for this date: add a "Date: YYYY-MM-DD" line or pass --date' };
    }
    date = { ...stamp.date, year };
  }
  if (!date) {
    return { error: 'no date for this time: add a "Date: YYYY-MM-DD" line or pass --date' };
  }
  if (!zone) {
    return {
      error:
        'no time zone for this time: write one ("14:05 UTC"), add "All times are in UTC", or pass --tz',
    };
  }
  let t = wallClockToUtc(date, stamp.time, zone);
  let crossed = clock.crossed && !stamp.date;
  if (!stamp.date && clock.last && t < clock.last.t) {
    const before = `${clockText(stamp.time)} is before the entry on line ${clock.last.line}`;
    if (clock.last.t - t <= OUT_OF_ORDER_MS) {
      return { error: `${before}: if it is out of order, give it a date` };
    }
    date = addDays(date, 1);
    t = wallClockToUtc(date, stamp.time, zone);
    crossed = true;
    if (t < clock.last.t) return { error: `${before}, even on the next day: give it a date` };
  }
  let endT: number | undefined;
  if (stamp.endTime) {
    endT = wallClockToUtc(date, stamp.endTime, zone);
    if (endT < t) endT = wallClockToUtc(addDays(date, 1), stamp.endTime, zone);
  }
  Object.assign(clock, { date, crossed, last: { t, line } });
  const tags = [
    ...(crossed ? [CROSSED_MIDNIGHT] : []),
    ...(stamp.approximate ? [APPROXIMATE] : []),
  ];
  return { t, ...(endT !== undefined && { endT }), tags };
}
