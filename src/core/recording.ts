/**
 * The recording file (CONTRACT section 2): NDJSON, one protocol payload per line with a `type`
 * field. A torn last line (a crash mid-write) is dropped with a warning; any other bad line is
 * an error naming its line number.
 */
import {
  annotation,
  annotationRemove,
  frame,
  hello,
  type Annotation,
  type AnnotationRemove,
  type Frame,
  type Hello,
} from './protocol';
import { ValidationError } from './validate';

export type RecordedPayload =
  | { type: 'hello'; payload: Hello }
  | { type: 'frame'; payload: Frame }
  | { type: 'annotation'; payload: Annotation }
  | { type: 'annotation:remove'; payload: AnnotationRemove };

export class RecordingError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'RecordingError';
  }
}

/** One line of a recording, as written. */
export function recordingLine(type: RecordedPayload['type'], payload: object): string {
  return JSON.stringify({ type, ...payload }) + '\n';
}

/** Parses one complete line; throws RecordingError naming `lineNumber`. */
export function parseRecordingLine(text: string, lineNumber: number): RecordedPayload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RecordingError(lineNumber, 'is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RecordingError(lineNumber, 'is not a JSON object');
  }
  const { type, ...payload } = value as { type?: unknown };
  try {
    switch (type) {
      case 'hello':
        return { type, payload: hello.check(payload) };
      case 'frame':
        return { type, payload: frame.check(payload) };
      case 'annotation':
        return { type, payload: annotation.check(payload) };
      case 'annotation:remove':
        return { type, payload: annotationRemove.check(payload) };
      default:
        throw new RecordingError(
          lineNumber,
          `type is ${JSON.stringify(type)}, expected "hello", "frame", "annotation" or "annotation:remove"`,
        );
    }
  } catch (err) {
    if (err instanceof ValidationError)
      throw new RecordingError(lineNumber, `${type}: ${err.message}`);
    throw err;
  }
}

export interface ParsedRecording {
  payloads: RecordedPayload[];
  /** set when the last line was torn and dropped */
  warning?: string;
}

/**
 * Parses a whole recording. The first line must be a hello and times must not go back; the
 * last line may be torn (no newline at the end and not parseable), and is then dropped.
 */
export function parseRecording(text: string): ParsedRecording {
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  if (endsWithNewline) lines.pop();
  const payloads: RecordedPayload[] = [];
  let warning: string | undefined;
  let lastT = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = i + 1;
    if (line.trim() === '') continue;
    let parsed: RecordedPayload;
    try {
      parsed = parseRecordingLine(line, lineNumber);
    } catch (err) {
      const isLast = i === lines.length - 1 && !endsWithNewline;
      if (isLast && err instanceof RecordingError) {
        warning = `line ${lineNumber} is incomplete (the recording was cut off mid-write) and was ignored`;
        break;
      }
      throw err;
    }
    if (payloads.length === 0 && parsed.type !== 'hello') {
      throw new RecordingError(
        lineNumber,
        `the first line must be a hello, not a ${parsed.type} line`,
      );
    }
    if (parsed.type === 'frame') {
      if (parsed.payload.t < lastT) {
        throw new RecordingError(
          lineNumber,
          `frame t=${parsed.payload.t} is before the previous frame`,
        );
      }
      lastT = parsed.payload.t;
    }
    payloads.push(parsed);
  }
  return warning === undefined ? { payloads } : { payloads, warning };
}
