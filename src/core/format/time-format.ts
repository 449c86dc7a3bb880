/**
 * Clock times in the incident's zone: an IANA name ("America/New_York") or a fixed offset
 * ("-04:00"), always shown with the offset so nobody mistakes 10:00 for 14:00.
 */

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** Minutes east of UTC for a fixed-offset zone, or undefined for a named one. */
export function fixedOffsetMinutes(tz: string): number | undefined {
  if (tz === 'UTC' || tz === 'Z') return 0;
  const m = OFFSET.exec(tz);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether a zone can be shown: a fixed offset, or a name this runtime's Intl knows. */
export function isKnownZone(tz: string): boolean {
  return fixedOffsetMinutes(tz) !== undefined || partsFormat(tz) !== undefined;
}

// a formatter per zone, made once: making one costs far more than using it, and views ask
// for offsets on every render; undefined for a zone Intl does not know
const formats = new Map<string, Intl.DateTimeFormat | undefined>();
function partsFormat(tz: string): Intl.DateTimeFormat | undefined {
  if (formats.has(tz)) return formats.get(tz);
  let format: Intl.DateTimeFormat | undefined;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    format = undefined;
  }
  formats.set(tz, format);
  return format;
}

/**
 * Offset of a zone at an instant, in minutes east of UTC (named zones via Intl); a zone that
 * cannot be read counts as UTC, so an unknown name never breaks a page (check with isKnownZone).
 */
export function zoneOffsetMinutes(t: number, tz: string): number {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== undefined) return fixed;
  const format = partsFormat(tz);
  if (format === undefined) return 0;
  const parts = format.formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

/** "14:05" (or "14:05:30" with seconds) in the zone. */
export function formatClock(t: number, tz = 'UTC', withSeconds = false): string {
  const local = new Date(t + zoneOffsetMinutes(t, tz) * 60_000);
  const hm = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return withSeconds ? `${hm}:${pad(local.getUTCSeconds())}` : hm;
}

/** "2024-05-15 10:00:00 UTC-4" */
export function formatDateTime(t: number, tz = 'UTC'): string {
  const offset = zoneOffsetMinutes(t, tz);
  const local = new Date(t + offset * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return `${date} ${formatClock(t, tz, true)} ${offsetLabel(offset)}`;
}

/** "850 ms", "4.2 s" */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

const CLOCK = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/**
 * The instant a clock time typed by a person ("10:45", "10:45:30") means in a zone: that
 * time on the day of `nearT`, the next day if that is before `nearT` (an end after a start).
 * NaN when it cannot be read.
 */
export function parseClockAfter(text: string, nearT: number, tz = 'UTC'): number {
  const m = CLOCK.exec(text);
  if (!m) return NaN;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return NaN;
  const offsetMs = zoneOffsetMinutes(nearT, tz) * 60_000;
  const local = new Date(nearT + offsetMs);
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let t = dayStart + ((h * 60 + min) * 60 + s) * 1000 - offsetMs;
  if (t < nearT) t += 86_400_000;
  return t;
}
