/**
 * Reads one timeline section top to bottom. An entry is a line that starts with a time: a list
 * item, a plain line (a pasted log), a table row with a time column, a heading ("#### 2018
 * October 21 22:52 UTC", its paragraphs below), or a time alone on a line after the update it
 * stamps (Statuspage). Indented and wrapped lines continue the entry above. Date and zone lines
 * change what follows. Under a timeline heading, a list item without a time is an error.
 */
import { readContextLine, type ContextLine } from './context-line';
import { entryTime, type TimelineClock } from './entry-time';
import type { Section } from './find-sections';
import type { MdLine } from './markdown-lines';
import { joinLines, plainText } from './plain-text';
import { findDate, isoDate, type WrittenDate } from './read-date';
import {
  findZoneAnywhere,
  findZoneDeclaration,
  readStamp,
  type Stamp,
  type ZoneAt,
} from './read-time';
import type { TimelineError } from './timeline-types';
import type { ClockTime } from './zones';

/** An entry read so far: its time, and its text lines. */
export interface Draft {
  line: number;
  raw: string;
  t: number;
  endT?: number;
  tags: string[];
  parts: string[];
}

/** Where the walk writes: entries, errors, and the first date and zone the document states. */
export interface WalkOutput {
  drafts: Draft[];
  errors: TimelineError[];
  said: { date?: string; tz?: string };
}

interface TableSpec {
  timeCol: number;
  dateCol: number;
  zone?: string;
  header: string;
}

/** An entry still taking lines; no draft when its line was reported (its lines are dropped). */
interface OpenEntry {
  draft?: Draft;
  byHeading: boolean;
  awaitingBody: boolean;
}

type Timed = Stamp & { time: ClockTime };

const TIME_HEADER = /\b(?:time|timestamp|when)\b/i;
const DATE_HEADER = /^\W*date\b/i;

const timed = (read: ReturnType<typeof readStamp>): Timed | undefined =>
  read && 'stamp' in read && read.stamp.time ? (read.stamp as Timed) : undefined;

/** Adds a line to an entry; a nested list item reads as a sentence of its own. */
function append(draft: Draft, text: string, bullet: boolean) {
  const last = draft.parts.length - 1;
  if (bullet && last >= 0 && /[\p{L}\p{N})"']$/u.test(draft.parts[last]!)) draft.parts[last] += '.';
  draft.parts.push(text);
}

/** Reads `section` into `out`, starting from the day and zone in `clock`. */
export function walkSection(section: Section, clock: TimelineClock, out: WalkOutput): void {
  let table: TableSpec | undefined;
  let pending: { parts: string[] } | undefined;
  let open: OpenEntry | undefined;
  let afterBlank = false;

  const fail = (line: MdLine, message: string, byHeading = false) => {
    out.errors.push({ line: line.n, text: line.raw.trim(), message });
    open = { byHeading, awaitingBody: false };
  };

  const setDate = (date: WrittenDate, line: MdLine) => {
    const year = date.year ?? clock.date?.year;
    if (year === undefined)
      return fail(line, 'no year for this date: add a "Date: YYYY-MM-DD" line or pass --date');
    Object.assign(clock, { date: { ...date, year }, crossed: false, last: undefined });
    out.said.date ??= isoDate(clock.date!);
  };
  const setZone = (zone: ZoneAt, line: MdLine) => {
    if ('error' in zone) return fail(line, zone.error);
    clock.zone = zone.zone;
    out.said.tz ??= zone.zone;
  };
  const applyContext = (context: ContextLine, line: MdLine) => {
    if (context.error) return fail(line, context.error);
    if (context.date) setDate(context.date, line);
    if (context.zone) setZone(context.zone, line);
  };

  const start = (
    line: MdLine,
    stamp: Timed,
    text: string,
    how: { columnZone?: string; byHeading?: boolean; closed?: boolean } = {},
  ) => {
    const when = entryTime(stamp, clock, line.n, how.columnZone);
    if ('error' in when) return fail(line, when.error, how.byHeading);
    if (stamp.date?.year !== undefined) out.said.date ??= isoDate(clock.date!);
    const zone = stamp.zone ?? how.columnZone;
    if (zone) out.said.tz ??= zone;
    const { t, endT, tags } = when;
    const draft: Draft = { line: line.n, raw: line.raw.trim(), t, tags, parts: [text] };
    if (endT !== undefined) draft.endT = endT;
    out.drafts.push(draft);
    open = how.closed ? undefined : { draft, byHeading: !!how.byHeading, awaitingBody: !text };
  };

  const heading = (line: MdLine) => {
    const text = plainText(line.content);
    const read = readStamp(text);
    const stamp = timed(read);
    if (stamp) return start(line, stamp, stamp.rest, { byHeading: true });
    const context = readContextLine(text);
    if (context) return applyContext(context, line);
    if (read && 'error' in read) return fail(line, read.error, true);
    // any other sub-heading: the entries under it are read as they come
  };

  const tableSpec = (line: MdLine): TableSpec | undefined => {
    const cells = line.cells.map(plainText);
    let timeCol = cells.findIndex((c) => TIME_HEADER.test(c));
    let dateCol = cells.findIndex((c, i) => i !== timeCol && DATE_HEADER.test(c));
    if (timeCol < 0) [timeCol, dateCol] = [dateCol, -1];
    if (timeCol < 0) return undefined; // a table of something else
    const header = [cells[timeCol]!, cells[dateCol] ?? ''].join(' ');
    const zone = findZoneDeclaration(header) ?? findZoneAnywhere(header);
    if (zone && 'error' in zone) return void fail(line, zone.error);
    if (zone) out.said.tz ??= zone.zone;
    return { timeCol, dateCol, header: cells[timeCol]!, ...(zone && { zone: zone.zone }) };
  };

  const row = (line: MdLine, spec: TableSpec) => {
    const cells = line.cells.map(plainText);
    const when = `${cells[spec.dateCol] ?? ''} ${cells[spec.timeCol] ?? ''}`.trim();
    const text = cells.filter((c, i) => c && i !== spec.timeCol && i !== spec.dateCol);
    const read = readStamp(when);
    if (read && 'error' in read) return fail(line, read.error);
    const stamp = timed(read);
    if (!stamp) {
      return fail(
        line,
        when ? `cannot read a time of day in "${when}"` : `no time in the "${spec.header}" column`,
      );
    }
    start(line, stamp, [stamp.rest, ...text].filter(Boolean).join(' — '), {
      ...(spec.zone && { columnZone: spec.zone }),
      closed: true,
    });
  };

  const textLine = (line: MdLine, wasBlank: boolean) => {
    const text = plainText(line.content);
    const read = readStamp(text);
    const stamp = timed(read);
    if (stamp) {
      if (stamp.rest || !pending) {
        pending = undefined;
        return start(line, stamp, stamp.rest);
      }
      // a time alone under the update it stamps
      const body = joinLines(pending.parts);
      pending = undefined;
      return start(line, stamp, body, { closed: true });
    }
    const context = readContextLine(text);
    if (context) {
      [pending, open] = [undefined, undefined];
      return applyContext(context, line);
    }
    if (read && 'error' in read) {
      pending = undefined;
      return fail(line, read.error, open?.byHeading);
    }
    // a wrapped line continues its entry; in a bare log (no timeline heading) lines stand alone
    const wrapped = section.strict && !wasBlank && !line.bullet;
    if (open && (open.byHeading || open.awaitingBody || line.indent >= 2 || wrapped)) {
      if (open.draft) append(open.draft, text, line.bullet);
      open.awaitingBody = false;
      return;
    }
    if (section.strict && line.bullet) {
      pending = undefined;
      return fail(
        line,
        read
          ? 'this entry has a date but no time of day'
          : 'cannot find a time at the start of this timeline entry',
      );
    }
    // prose in the timeline: kept in case a time follows on its own line
    open = undefined;
    if (pending && !wasBlank) pending.parts.push(text);
    else pending = { parts: [text] };
  };

  if (section.heading) {
    const text = plainText(section.heading.content);
    const date = findDate(text);
    if (date) setDate(date, section.heading);
    const zone = findZoneDeclaration(text) ?? findZoneAnywhere(text);
    if (zone) setZone(zone, section.heading);
  }
  for (const line of section.lines) {
    if (line.kind === 'skip') continue;
    if (line.kind === 'blank') {
      afterBlank = true;
      continue;
    }
    const wasBlank = afterBlank;
    afterBlank = false;
    if (line.kind === 'table-row') {
      if (table) row(line, table);
      continue;
    }
    table = undefined;
    if (line.kind === 'text') {
      textLine(line, wasBlank);
      continue;
    }
    [pending, open] = [undefined, undefined];
    if (line.kind === 'heading') heading(line);
    else table = tableSpec(line);
  }
}
