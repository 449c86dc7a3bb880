/**
 * Time zones as postmortems write them ("UTC", "EDT", "UTC-4", "+02:00", "America/New_York"),
 * read into the form `hello.tz` uses: "UTC", a fixed "+HH:MM"/"-HH:MM", or an IANA name.
 */
import { isKnownZone, zoneOffsetMinutes } from '../format/time-format';

/**
 * Abbreviations read as fixed offsets; the bare region names (ET, PT...) follow daylight saving,
 * so they map to the IANA zone. CST is read as US Central, as US postmortems write it.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  WET: 'UTC',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  SGT: '+08:00',
  HKT: '+08:00',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  HST: '-10:00',
  ET: 'America/New_York',
  CT: 'America/Chicago',
  MT: 'America/Denver',
  PT: 'America/Los_Angeles',
};

/** Abbreviations that name more than one zone: reading one would be a guess. */
const AMBIGUOUS: Readonly<Record<string, string>> = {
  IST: 'India, Ireland or Israel',
  AST: 'Atlantic or Arabia',
};

const IANA_REGIONS =
  /^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\//;

export type ZoneRead = { zone: string } | { error: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** "+HH:MM" for minutes east of UTC, "UTC" for zero. */
export function offsetZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An offset "+02:00", "-0400", "+5" with sign, hours and optional minutes, checked for range. */
export function offsetFromParts(sign: string, hours: string, minutes = '0'): ZoneRead {
  const h = Number(hours);
  const m = Number(minutes);
  if (h > 14 || m > 59) return { error: `${sign}${hours}:${minutes} is not a UTC offset` };
  const total = h * 60 + m;
  return { zone: offsetZone(sign === '+' ? total : -total) };
}

const OFFSET_WORD = /^(?:UTC|GMT)?\s?([+\-−])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * Reads one whole zone name: an abbreviation, "UTC-4", "+02:00" or an IANA name. Undefined when
 * the word is not a zone at all (so "DNS" stays text); an error when it is one but unusable.
 */
export function readZoneName(word: string): ZoneRead | undefined {
  const name = word.trim();
  const upper = name.toUpperCase();
  if (Object.hasOwn(ABBREVIATIONS, upper) && name === upper) {
    return { zone: ABBREVIATIONS[upper]! };
  }
  if (Object.hasOwn(AMBIGUOUS, upper) && name === upper) {
    return { error: `${name} is ambiguous (${AMBIGUOUS[upper]}): give an offset or --tz` };
  }
  if (upper === 'UTC' || upper === 'GMT' || name === 'Etc/UTC') return { zone: 'UTC' };
  const offset = OFFSET_WORD.exec(name);
  if (offset) return offsetFromParts(offset[1] === '+' ? '+' : '-', offset[2]!, offset[3]);
  if (IANA_REGIONS.test(name)) {
    return isKnownZone(name) ? { zone: name } : { error: `${name} is not a known time zone` };
  }
  return undefined;
}

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** The UTC instant of a wall-clock time in a zone (a named zone's offset is the one in force then). */
export function wallClockToUtc(date: CivilDate, time: ClockTime, zone: string): number {
  const asUtc = Date.UTC(
    date.year,
    date.month - 1,
    date.day,
    time.hour,
    time.minute,
    time.second,
    time.ms,
  );
  // the offset at the guess can differ from the one at the answer across a DST change: look twice
  const first = asUtc - zoneOffsetMinutes(asUtc, zone) * 60_000;
  return asUtc - zoneOffsetMinutes(first, zone) * 60_000;
}
