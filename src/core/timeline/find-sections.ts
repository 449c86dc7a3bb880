/**
 * Where a postmortem's timeline is: under a heading such as "## Timeline", "##Timeline:",
 * "Chronology", "Sequence of events" or "Updates", or a line that is only such a label
 * ("**Timeline (all times UTC)**"). Only lines there are entries; prose elsewhere is not.
 */
import type { MdLine } from './markdown-lines';

/** A run of lines that holds timeline entries. */
export interface Section {
  /** the heading or label line that opened it; none for a document without one */
  heading?: MdLine;
  lines: MdLine[];
  /** under a timeline heading every list item is an entry; without one only stamped lines are */
  strict: boolean;
}

const TITLE = /\b(?:time ?line|chronology|sequence of events)\b/i;
/** headings that are a timeline only when they say nothing else ("## Updates", not "## Updates to X") */
const WHOLE_TITLE =
  /^\W*(?:(?:status|incident) )?updates\W*$|^\W*(?:incident|event|status) (?:log|history)\W*$/i;
/** the words of a timeline label, once its markup, bracketed note and colon are peeled off */
const LABEL_WORDS = /^(?:detailed\s+|incident\s+)?(?:time ?line|chronology)(?:\s+of\s+events)?$/i;

const dropEnd = (s: string, end: string) =>
  s.endsWith(end) ? s.slice(0, -end.length).trimEnd() : s;
const dropStart = (s: string, start: string) =>
  s.startsWith(start) ? s.slice(start.length).trimStart() : s;

/**
 * A line that is nothing but a timeline label: "**Timeline (all times UTC):**", "Chronology".
 * Peeled from both ends by hand, since a pattern with a space run on either side of optional
 * parts backtracks without bound on a line of spaces.
 */
export function isTimelineLabel(line: string): boolean {
  let s = line.trim();
  s = dropEnd(s, ':');
  s = dropEnd(dropEnd(s, '**'), '__');
  s = dropEnd(s, ':');
  if (s.endsWith(')')) {
    const open = s.lastIndexOf('(');
    if (open < 0 || s.indexOf(')', open) !== s.length - 1) return false;
    s = s.slice(0, open).trimEnd();
  }
  s = dropStart(s, '**');
  s = dropStart(s, '__');
  return LABEL_WORDS.test(s);
}
/** under a label (not a heading), a bold label line such as "**Root causes:**" ends the timeline */
const BOLD_LABEL = /^(?:\*\*|__)[^*_]+:?(?:\*\*|__):?\s*$/;

const LABEL_LEVEL = 7;

/** The timeline sections of a document, and every line outside them. */
export function findSections(lines: readonly MdLine[]): { sections: Section[]; outside: MdLine[] } {
  const sections: Section[] = [];
  const outside: MdLine[] = [];
  let open: { section: Section; level: number } | undefined;
  for (const line of lines) {
    const isLabel = line.kind === 'text' && !line.bullet && isTimelineLabel(line.content);
    if (open) {
      const ends =
        (line.kind === 'heading' && line.level <= open.level) ||
        (open.level === LABEL_LEVEL && line.kind === 'text' && BOLD_LABEL.test(line.content));
      if (!ends) {
        if (!isLabel) open.section.lines.push(line);
        continue;
      }
      open = undefined;
    }
    const isTitle = TITLE.test(line.content) || WHOLE_TITLE.test(line.content);
    if ((line.kind === 'heading' && isTitle) || isLabel) {
      open = {
        section: { heading: line, lines: [], strict: true },
        level: line.kind === 'heading' ? line.level : LABEL_LEVEL,
      };
      sections.push(open.section);
      continue;
    }
    outside.push(line);
  }
  if (sections.length > 0) return { sections, outside };
  // no timeline heading: a plain log, or a bare list of stamped lines
  return { sections: [{ lines: [...lines], strict: false }], outside: [...lines] };
}
