/**
 * A postmortem's timeline as annotations. Pure: the browser runs it on a dropped markdown file,
 * the CLI on a file it read. It never makes a time up: an entry whose time, day or zone it
 * cannot tell is an error naming its line, never an annotation at a guessed moment.
 */
import { annotation, type Annotation } from '../protocol';
import { ValidationError } from '../validate';
import { classifyKind } from './classify-kind';
import { readDocumentContext } from './document-context';
import { findSections } from './find-sections';
import { scanLines } from './markdown-lines';
import { headline, joinLines } from './plain-text';
import { isoDate, readIsoDate } from './read-date';
import type { TimelineError, TimelineOptions, TimelineParse } from './timeline-types';
import { walkSection, type Draft, type WalkOutput } from './walk-section';
import { readZoneName } from './zones';

export type { TimelineError, TimelineOptions, TimelineParse } from './timeline-types';

function optionDate(date: string | undefined) {
  if (date === undefined) return undefined;
  const read = readIsoDate(date);
  if (!read) throw new RangeError(`date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return read;
}

function optionZone(tz: string | undefined) {
  if (tz === undefined) return undefined;
  const read = readZoneName(tz);
  if (!read) throw new RangeError(`unknown time zone ${JSON.stringify(tz)}`);
  if ('error' in read) throw new RangeError(read.error);
  return read.zone;
}

function toAnnotation(draft: Draft, source: string | undefined): Annotation | TimelineError {
  const fail = (message: string) => ({ line: draft.line, text: draft.raw, message });
  const text = joinLines(draft.parts);
  if (text === '') return fail('this entry has a time but no text');
  const candidate = {
    v: 1,
    id: `${source ?? 'postmortem'}:${draft.line}`,
    t: draft.t,
    ...(draft.endT !== undefined && { endT: draft.endT }),
    title: headline(text),
    text,
    kind: classifyKind(text),
    ...(source !== undefined && { source }),
    ...(draft.tags.length > 0 && { tags: draft.tags }),
  };
  try {
    return annotation.check(candidate);
  } catch (err) {
    if (err instanceof ValidationError) return fail(`not a valid annotation: ${err.message}`);
    throw err;
  }
}

/**
 * Reads the timeline of a postmortem. `opts.date` and `opts.tz` fill in only what the document
 * does not say; they throw a RangeError when malformed (check them with readIsoDate and
 * readZoneName first).
 */
export function parsePostmortemTimeline(
  markdown: string,
  opts: TimelineOptions = {},
): TimelineParse {
  const fallbackDate = optionDate(opts.date);
  const fallbackZone = optionZone(opts.tz);
  const { sections, outside } = findSections(scanLines(markdown));
  const doc = readDocumentContext(outside);
  const out: WalkOutput = {
    drafts: [],
    errors: [...doc.errors],
    said: {
      ...(doc.date && { date: isoDate(doc.date) }),
      ...(doc.zone !== undefined && { tz: doc.zone }),
    },
  };
  for (const section of sections) {
    const date = doc.date ?? fallbackDate;
    const zone = doc.zone ?? fallbackZone;
    walkSection(section, { ...(date && { date }), ...(zone && { zone }), crossed: false }, out);
  }

  const annotations: Annotation[] = [];
  for (const draft of out.drafts) {
    const read = toAnnotation(draft, opts.source);
    if ('id' in read) annotations.push(read);
    else out.errors.push(read);
  }
  const seen = new Set<string>();
  const errors = out.errors
    .filter((e) => !seen.has(`${e.line}:${e.message}`) && seen.add(`${e.line}:${e.message}`))
    .sort((a, b) => a.line - b.line);
  return {
    // stable: entries at the same moment keep the document's order
    annotations: annotations.sort((a, b) => a.t - b.t),
    errors,
    ...out.said,
  };
}
