/**
 * The date and zone a postmortem states outside its timeline: a "Date:" line or the first full
 * date ("on May 15, 2024"); an "All times are in UTC" line, or else a zone written after a time
 * in the prose ("from 10:00 AM to 12:00 PM (UTC-4)").
 */
import { DATE_LABEL } from './context-line';
import type { MdLine } from './markdown-lines';
import { plainText } from './plain-text';
import { findDate } from './read-date';
import { findZoneAfterTime, findZoneDeclaration, readStamp } from './read-time';
import type { TimelineError } from './timeline-types';
import type { CivilDate } from './zones';

/** What the document says about every entry; `errors` holds a zone it names but cannot use. */
export interface DocumentContext {
  date?: CivilDate;
  zone?: string;
  errors: TimelineError[];
}

function firstOf<L extends { text: string }, T>(
  lines: L[],
  read: (text: string) => T | undefined,
): { found: T; line: L } | undefined {
  for (const line of lines) {
    const found = read(line.text);
    if (found !== undefined) return { found, line };
  }
  return undefined;
}

/** Reads the lines outside the timeline (entries that strayed there are passed over). */
export function readDocumentContext(outside: readonly MdLine[]): DocumentContext {
  const lines = outside
    .filter((l) => l.kind !== 'blank' && l.kind !== 'skip')
    .map((l) => ({
      n: l.n,
      raw: l.raw,
      text: plainText(l.cells.length ? l.cells.join(' | ') : l.content),
    }))
    .filter((l) => {
      const stamp = readStamp(l.text);
      return !(stamp && 'stamp' in stamp && stamp.stamp.time);
    });
  const context: DocumentContext = { errors: [] };

  const date =
    firstOf(lines, (t) => (DATE_LABEL.test(t) ? findDate(t.replace(DATE_LABEL, '')) : undefined)) ??
    firstOf(lines, findDate);
  if (date) context.date = date.found;

  const zone = firstOf(lines, findZoneDeclaration) ?? firstOf(lines, findZoneAfterTime);
  if (zone && 'zone' in zone.found) context.zone = zone.found.zone;
  if (zone && 'error' in zone.found) {
    const { n, raw } = zone.line;
    context.errors.push({ line: n, text: raw.trim(), message: zone.found.error });
  }
  return context;
}
