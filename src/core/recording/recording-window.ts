/**
 * A window of the gateway's buffer as a recording (CONTRACT section 2), for incident review:
 * the hello, then the annotations whose time overlaps the window, then the frames in it.
 */
import type { Annotation, Frame, Hello } from '../protocol/protocol';
import { recordingLine } from './recording';

export interface RecordingWindow {
  from: number;
  to: number;
}

/** Whether an annotation's time (a point, or `t` to `endT`) overlaps the window. */
export function overlapsWindow(a: Annotation, w: RecordingWindow): boolean {
  return a.t <= w.to && (a.endT ?? a.t) >= w.from;
}

/** The NDJSON text of the window, every line ending in a newline. */
export function recordingOfWindow(
  hello: Hello,
  annotations: Iterable<Annotation>,
  frames: readonly Frame[],
  w: RecordingWindow,
): string {
  return [...recordingLinesOfWindow(hello, annotations, frames, w)].join('');
}

/**
 * The same text a line at a time, for an answer written as it goes. What goes in is chosen
 * now; a line is made only when it is asked for.
 */
export function recordingLinesOfWindow(
  hello: Hello,
  annotations: Iterable<Annotation>,
  frames: readonly Frame[],
  w: RecordingWindow,
): Iterable<string> {
  const inWindow = frames.filter((f) => f.t >= w.from && f.t <= w.to).sort((a, b) => a.t - b.t);
  // the hello speaks for this file: where its frames start, not where the buffer does
  const head: Hello = { ...hello };
  delete head.oldestSeq;
  const first = inWindow[0];
  if (first !== undefined) head.oldestSeq = first.seq;
  const notes = [...annotations].filter((a) => overlapsWindow(a, w)).sort((a, b) => a.t - b.t);
  return (function* () {
    yield recordingLine('hello', head);
    for (const a of notes) yield recordingLine('annotation', a);
    for (const f of inWindow) yield recordingLine('frame', f);
  })();
}

/**
 * Reads `from`/`to` query values: absent means unbounded; anything but a finite number is an
 * error naming the parameter.
 */
export function parseWindow(
  from: string | null,
  to: string | null,
): RecordingWindow | { error: string } {
  const read = (name: string, raw: string | null, fallback: number) => {
    if (raw === null) return fallback;
    const value = raw.trim() === '' ? NaN : Number(raw);
    return Number.isFinite(value)
      ? value
      : `${name} must be a time in ms since the epoch, got ${JSON.stringify(raw)}`;
  };
  const f = read('from', from, -Infinity);
  if (typeof f === 'string') return { error: f };
  const t = read('to', to, Infinity);
  if (typeof t === 'string') return { error: t };
  if (f > t) return { error: `from (${f}) is after to (${t})` };
  return { from: f, to: t };
}
