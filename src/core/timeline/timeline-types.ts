/** The parser's public shapes (see parse-timeline.ts). */
import type { Annotation } from '../protocol/protocol';

/** A line the parser could not read, and why. */
export interface TimelineError {
  /** 1-based line number in the document */
  line: number;
  /** the line as written */
  text: string;
  message: string;
}

/** Fallbacks for what the document does not say; the document wins where it does. */
export interface TimelineOptions {
  /** YYYY-MM-DD: the day of entries that give only a time */
  date?: string;
  /** IANA name or +HH:MM: the zone of entries that give none */
  tz?: string;
  /** `source` of every annotation, and the prefix of its id */
  source?: string;
}

/** What a postmortem's timeline reads as. */
export interface TimelineParse {
  /** validated protocol annotations (v: 1), in time order */
  annotations: Annotation[];
  /** entries it could not read, in line order */
  errors: TimelineError[];
  /** the incident date the document states, YYYY-MM-DD */
  date?: string;
  /** the zone the document states, as `hello.tz` takes it: IANA name, "UTC" or "+HH:MM" */
  tz?: string;
}
