/**
 * Lines that set the day or zone of the entries after them, and say nothing else:
 * "Date: 2024-05-15", "All times are in UTC", "2015-10-21 (all times UTC)", "### Wednesday 15 May".
 */
import { readDateAt, type WrittenDate } from './read-date';
import { findZoneAnywhere, findZoneDeclaration, type ZoneAt } from './read-time';

/** What a context line sets; `zone` may be an error ("IST is ambiguous"). */
export interface ContextLine {
  date?: WrittenDate;
  zone?: ZoneAt;
  error?: string;
}

export const DATE_LABEL = /^\s*(?:incident\s+|outage\s+|event\s+)?date(?:\s*\(s\))?\s*[:\-–]\s*/i;
/** words a context line may hold besides its date and zone ("All times are in UTC") */
const FILLER_WORDS = new Set(
  'note all time times timestamp timestamps timeline event events of this the following are is in shown listed given below here used timezone zone'.split(
    ' ',
  ),
);
const FILLER_GAP = /[\s()[\]:,.;*_\-–—]+/;

/** Nothing but filler words and punctuation: split, not matched, so no phrase can backtrack. */
const isFiller = (rest: string) =>
  rest.split(FILLER_GAP).every((word) => word === '' || FILLER_WORDS.has(word.toLowerCase()));

/** Reads a line of plain text as a context line, or undefined when it says more than that. */
export function readContextLine(text: string): ContextLine | undefined {
  let rest = text.replace(DATE_LABEL, '').trim();
  const read = readDateAt(rest, 0);
  if (read && 'error' in read) return { error: read.error };
  const date = read?.date;
  if (read) rest = rest.slice(read.end);
  const zone = findZoneDeclaration(rest) ?? findZoneAnywhere(rest);
  if (zone) rest = rest.slice(0, zone.start) + rest.slice(zone.end);
  if (!date && !zone) return undefined;
  if (!isFiller(rest)) return undefined;
  return { ...(date && { date }), ...(zone && { zone }) };
}
