/**
 * The stamp at the start of a timeline entry: "10:00 AM", "14:05:30 UTC", "2:05 p.m.",
 * "2024-05-15T14:05:00+02:00", "May 15, 14:05", "15 May 2024 14:05 UTC", "10:05 (UTC-4)",
 * "14:05-14:20". It reports only what is written; the parser decides what a missing date or
 * zone means.
 */
import { readDateAt, type WrittenDate } from './read-date';
import { offsetFromParts, readZoneName, type ClockTime, type ZoneRead } from './zones';

/** What a stamp says; `rest` is the entry text after it. */
export interface Stamp {
  date?: WrittenDate;
  time?: ClockTime;
  /** the end of a range such as "14:05-14:20" */
  endTime?: ClockTime;
  zone?: string;
  /** written with "~", "approx." or "around" */
  approximate: boolean;
  rest: string;
}

/** null: the text does not start with a stamp; error: it does, but the stamp cannot be read. */
export type StampRead = { stamp: Stamp } | { error: string } | null;

export type ZoneAt = ({ zone: string } | { error: string }) & { end: number };

type Meridiem = 'a' | 'p';
type ClockAt = { time: ClockTime; meridiem?: Meridiem; end: number } | { error: string };

// sticky: each is tried at one position
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?(?!\d)/y;
const MERIDIEM = /\s?([ap])\.?\s?m\.?(?![a-z])/iy;
const HOUR_MERIDIEM = /(\d{1,2})\s?([ap])\.?\s?m\.?(?![a-z])/iy;
const OPEN = /\s*([([])?\s*/y;
const CLOSE = /\s*([)\]])/y;
const TIGHT_Z = /Z(?![A-Za-z])/y;
const OFFSET = /([+\-−])(\d{2}):?(\d{2})(?!\d)/y;
const OFFSET_HOURS = /([+\-−])(\d{2})(?![\d:])/y;
const UTC_OFFSET = /(?:UTC|GMT)(?:\s?([+\-−])(\d{1,2})(?::?(\d{2}))?)?(?![A-Za-z\d])/iy;
const ZONE_WORD = /[A-Z][A-Za-z_]+(?:\/[A-Za-z_-]+)+|[A-Z]{1,5}(?![A-Za-z])/y;
const PREFIX = /\s*(?:posted\s+(?:[^.]*?\bago\.\s*)?)?/iy;
const APPROX = /(?:~|≈|approx(?:\.|imately)?\s+|around\s+|about\s+|circa\s+|ca\.\s*)\s*/iy;
const DATE_TIME_SEP = /T|\s*,\s*(?:at\s+)?|\s+at\s+|\s*[-–—@]\s*|\s+/y;
const RANGE_SEP = /\s*[-–—]\s*|\s+(?:to|until)\s+/y;
const AFTER = /[\s:|\-–—·•>,.;]*/y;
const LOOKS_LIKE_TIME = /^\d{1,2}:\d/;

function exec(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

const sign = (c: string) => (c === '+' ? '+' : '-');

function readClockAt(s: string, pos: number): ClockAt | null {
  let hour: number;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let meridiem: Meridiem | undefined;
  let end: number;
  const clock = exec(CLOCK, s, pos);
  if (clock) {
    [hour, minute] = [Number(clock[1]), Number(clock[2])];
    second = clock[3] === undefined ? 0 : Number(clock[3]);
    ms = clock[4] === undefined ? 0 : Number(clock[4].padEnd(3, '0'));
    end = CLOCK.lastIndex;
    const mer = exec(MERIDIEM, s, end);
    if (mer) {
      meridiem = mer[1]!.toLowerCase() as Meridiem;
      end = MERIDIEM.lastIndex;
    }
  } else {
    const bare = exec(HOUR_MERIDIEM, s, pos);
    if (!bare) return null;
    hour = Number(bare[1]);
    meridiem = bare[2]!.toLowerCase() as Meridiem;
    end = HOUR_MERIDIEM.lastIndex;
  }
  const badHour = meridiem ? hour < 1 || hour > 12 : hour > 23;
  if (badHour || minute > 59 || second > 59) {
    return { error: `${s.slice(pos, end).trim()} is not a time of day` };
  }
  if (meridiem) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  return { time: { hour, minute, second, ms }, ...(meridiem && { meridiem }), end };
}

/**
 * Reads a zone starting at `pos` (after spaces, maybe in brackets): "UTC", "UTC-4", "EDT",
 * "+02:00", "America/New_York". Glued to a time, "Z" is UTC (`glued` 'z'), and after an ISO
 * date so is "+02:00" (`glued` 'iso'); without the date, "10:00-10:15" is a range, not an offset.
 * null when none starts there: an unknown capital word ("DNS") is text, not a zone.
 */
export function readZoneAt(
  s: string,
  pos: number,
  glued: false | 'z' | 'iso' = false,
): ZoneAt | null {
  const open = exec(OPEN, s, pos)!;
  const start = OPEN.lastIndex;
  const adjacent = glued !== false && start === pos;
  const offsetHere = start > pos || (adjacent && glued === 'iso');
  // in order; the first that matches decides, even when it is no zone ("DNS")
  const tries: [boolean, RegExp, (m: RegExpExecArray) => ZoneRead | undefined][] = [
    [adjacent, TIGHT_Z, () => ({ zone: 'UTC' })],
    [offsetHere, OFFSET, (m) => offsetFromParts(sign(m[1]!), m[2]!, m[3])],
    [adjacent && glued === 'iso', OFFSET_HOURS, (m) => offsetFromParts(sign(m[1]!), m[2]!)],
    [true, UTC_OFFSET, (m) => (m[1] ? offsetFromParts(sign(m[1]), m[2]!, m[3]) : { zone: 'UTC' })],
    [true, ZONE_WORD, (m) => readZoneName(m[0])],
  ];
  let read: ZoneRead | undefined;
  let end = start;
  for (const [allowed, re, toZone] of tries) {
    const m = allowed ? exec(re, s, start) : null;
    if (!m) continue;
    [read, end] = [toZone(m), re.lastIndex];
    break;
  }
  if (!read) return null;
  if (open[1]) {
    const close = exec(CLOSE, s, end);
    if (!close || close[1] !== (open[1] === '(' ? ')' : ']')) return null;
    end = CLOSE.lastIndex;
  }
  return { ...read, end };
}

const minutesOf = (t: ClockTime) => t.hour * 60 + t.minute;

/** "10:00-10:15 AM": the start takes the end's half of the day, unless that puts it after the end. */
function inheritMeridiem(start: ClockTime, end: ClockTime, meridiem: Meridiem): ClockTime {
  if (start.hour < 1 || start.hour > 12) return start;
  const as = (m: Meridiem) => ({ ...start, hour: (start.hour % 12) + (m === 'p' ? 12 : 0) });
  const same = as(meridiem);
  return minutesOf(same) <= minutesOf(end) ? same : as(meridiem === 'a' ? 'p' : 'a');
}

/** Reads the stamp an entry starts with (after markdown is stripped). */
export function readStamp(text: string): StampRead {
  exec(PREFIX, text, 0);
  let pos = PREFIX.lastIndex;
  const approximate = exec(APPROX, text, pos) !== null;
  if (approximate) pos = APPROX.lastIndex;
  const bracket = /[[(]/.test(text[pos] ?? '') ? text[pos] : undefined;
  if (bracket) pos++;

  const date = readDateAt(text, pos);
  if (date && 'error' in date) return date;
  if (date) pos = date.end;
  const sep = date ? exec(DATE_TIME_SEP, text, pos) : null;
  const clock = readClockAt(text, sep ? sep.index + sep[0].length : pos);
  if (clock && 'error' in clock) return clock;
  if (!date && !clock) {
    return LOOKS_LIKE_TIME.test(text.slice(pos))
      ? { error: `cannot read the time in ${JSON.stringify(text.slice(pos, pos + 12))}` }
      : null;
  }

  const stamp: Stamp = { approximate, rest: '' };
  if (date) stamp.date = date.date;
  if (clock) {
    pos = clock.end;
    stamp.time = clock.time;
    const glued = date ? 'iso' : 'z';
    const zone = readZoneAt(text, pos, glued);
    if (zone && 'error' in zone) return { error: zone.error };
    if (zone) [stamp.zone, pos] = [zone.zone, zone.end];
    const range = exec(RANGE_SEP, text, pos);
    const end = range ? readClockAt(text, range.index + range[0].length) : null;
    if (end && 'error' in end) return end;
    if (end) {
      pos = end.end;
      stamp.endTime = end.time;
      if (!clock.meridiem && end.meridiem) {
        stamp.time = inheritMeridiem(clock.time, end.time, end.meridiem);
      }
      const endZone = readZoneAt(text, pos, glued);
      if (endZone && 'error' in endZone) return { error: endZone.error };
      if (endZone) [stamp.zone, pos] = [endZone.zone, endZone.end];
    }
  }
  if (bracket) {
    const close = exec(CLOSE, text, pos);
    if (close) pos = CLOSE.lastIndex;
  }
  stamp.rest = text.slice(exec(AFTER, text, pos) ? AFTER.lastIndex : pos).trim();
  return { stamp };
}

// "time zone:" first: "Time zone: X" must not be read as "Time" followed by the word "zone"
const DECLARATION =
  /\btime\s?zone\s*(?:is\s+)?[:=\-–]?\s*|\b(?:all\s+)?(?:times?|timestamps?)(?:\s*[:\-–]\s*|\s+)(?:(?:are|is)\s+)?(?:(?:shown|listed|given|written|reported)\s+)?(?:in\s+)?(?:the\s+)?/gi;
const MENTIONS_TIME = /time/i;
const CLOCK_IN_PROSE = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?/g;

/** A zone found in a line, with where its phrase starts ("All times are in UTC" starts at "All"). */
export type ZoneFound = ZoneAt & { start: number };

function firstZone(starts: Iterable<[number, number]>, s: string, glued: false | 'z' = false) {
  for (const [start, at] of starts) {
    const zone = readZoneAt(s, at, glued);
    if (zone) return { ...zone, start };
  }
  return undefined;
}

/** A zone a line declares: "All times are in UTC", "Time zone: America/New_York". */
export function findZoneDeclaration(s: string): ZoneFound | undefined {
  if (!MENTIONS_TIME.test(s)) return undefined; // every declaration says "time"
  const starts = [...s.matchAll(DECLARATION)].map((m): [number, number] => [
    m.index,
    m.index + m[0].length,
  ]);
  return firstZone(starts, s);
}

/** A zone written after a time in prose: "from 10:00 AM to 12:00 PM (UTC-4)". */
export function findZoneAfterTime(s: string): ZoneFound | undefined {
  const starts = [...s.matchAll(CLOCK_IN_PROSE)].map((m): [number, number] => {
    const end = m.index + m[0].length;
    return [m.index, exec(MERIDIEM, s, end) ? MERIDIEM.lastIndex : end];
  });
  return firstZone(starts, s, 'z');
}

/** Any zone named in a short label: a table header "Time (UTC)", a heading "Timeline (EDT)". */
export function findZoneAnywhere(s: string): ZoneFound | undefined {
  const starts: [number, number][] = [];
  // from the first character after a gap: starting on the gap's own spaces would read the
  // same zone once per space
  for (let i = 0; i < s.length; i++) {
    if ((i === 0 || /[\s([,]/.test(s[i - 1]!)) && !/\s/.test(s[i]!)) starts.push([i, i]);
  }
  return firstZone(starts, s);
}
