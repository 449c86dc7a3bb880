/**
 * A postmortem's timeline as annotations. Pure: the browser runs it on a dropped markdown file,
 * the CLI on a file it read. It never makes a time up: an entry whose time, day or zone it
 * cannot tell is an error naming its line, never an annotation at a guessed moment.
 */
import { ANNOTATION_LIMITS, annotation, type Annotation } from '../protocol/protocol';
import { ValidationError } from '../protocol/validate';
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

/**
 * the longest document read, in characters (1 MiB of ASCII): the parser is linear, so this
 * bounds its time too; a postmortem is a few pages, and anything far larger is not one
 */
export const MAX_POSTMORTEM_CHARS = 2 ** 20;

/** room kept in an id for ":" and the line number after the source */
const ID_LINE_ROOM = 12;

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

/** The source as the protocol bounds it: a long file name is cut, not a reason to drop entries. */
function boundedSource(source: string | undefined) {
  if (source === undefined) return undefined;
  return source.slice(0, Math.min(ANNOTATION_LIMITS.source, ANNOTATION_LIMITS.id - ID_LINE_ROOM));
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
  const source = boundedSource(opts.source);
  // a document past the limit is read up to the last whole line within it, and the rest named
  let unread: TimelineError | undefined;
  let text = markdown;
  if (text.length > MAX_POSTMORTEM_CHARS) {
    const cut = text.lastIndexOf('\n', MAX_POSTMORTEM_CHARS);
    text = cut < 0 ? '' : text.slice(0, cut);
    const line = cut < 0 ? 1 : text.split('\n').length + 1;
    const message = `the document is longer than 1 MiB: lines from ${line} on were not read`;
    unread = { line, text: '', message };
  }
  const { sections, outside } = findSections(scanLines(text));
  const doc = readDocumentContext(outside);
  const out: WalkOutput = {
    drafts: [],
    errors: [...doc.errors, ...(unread ? [unread] : [])],
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
    const read = toAnnotation(draft, source);
    if ('id' in read) annotations.push(read);
    else out.errors.push(read);
  }
  // in line order (stable), each message once per line: a repeat can only be among its line's
  const errors: TimelineError[] = [];
  for (const e of out.errors.sort((a, b) => a.line - b.line)) {
    let repeat = false;
    for (let i = errors.length - 1; i >= 0 && errors[i]!.line === e.line && !repeat; i--) {
      repeat = errors[i]!.message === e.message;
    }
    if (!repeat) errors.push(e);
  }
  return {
    // stable: entries at the same moment keep the document's order
    annotations: annotations.sort((a, b) => a.t - b.t),
    errors,
    ...out.said,
  };
}
