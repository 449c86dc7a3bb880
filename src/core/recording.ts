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
import { concatBytes } from './concat-bytes';
import { FRAME_LINE_START, FrameLineScanner } from './frame-line-scanner';
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

/** Takes a frame line read straight from its bytes: the scanner holds its figures. */
export type ScannedFrameSink = (frame: FrameLineScanner, line: Uint8Array) => void;

const NEWLINE = 0x0a;

/**
 * Parses a recording as its text arrives, in chunks cut anywhere (a download, a gunzip
 * stream): each complete line is parsed and checked at once, so a bad line stops the load
 * early with its line number. The first line must be a hello and times must not go back; the
 * last line may be torn (no newline at the end and not parseable), and is then dropped.
 *
 * Text comes as strings (push) or as UTF-8 bytes (pushBytes), not both. Given bytes and an
 * `onScannedFrame`, frame lines in a gateway's compact form are read from the bytes by a
 * FrameLineScanner and go to it, not to `payloads` or `onPayload`; every other line is
 * decoded and parsed as text.
 */
export class RecordingParser {
  readonly payloads: RecordedPayload[] = [];
  private pending = '';
  private pendingBytes: Uint8Array[] = [];
  private lineNumber = 0;
  private lastT = -Infinity;
  private ended = false;
  private readonly scanner = new FrameLineScanner();
  // the first line's decoder drops a byte-order mark, as a whole-file decode would
  private readonly firstLineDecoder = new TextDecoder();
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  /** `onPayload`: called with each payload as its line is read, in order */
  constructor(
    private readonly onPayload?: (payload: RecordedPayload) => void,
    private readonly onScannedFrame?: ScannedFrameSink,
  ) {}

  /** As push, for UTF-8 bytes; `chunk` is kept (not copied) while its lines are needed. */
  pushBytes(chunk: Uint8Array): void {
    if (this.ended) throw new Error('RecordingParser: push after end');
    let from = 0;
    let newline = chunk.indexOf(NEWLINE);
    if (newline === -1) {
      this.pendingBytes.push(chunk);
      return;
    }
    if (this.pendingBytes.length > 0) {
      const line = concatBytes([...this.pendingBytes, chunk.subarray(0, newline)]);
      this.pendingBytes = [];
      this.byteLine(line, 0, line.length);
      from = newline + 1;
      newline = chunk.indexOf(NEWLINE, from);
    }
    while (newline !== -1) {
      this.byteLine(chunk, from, newline);
      from = newline + 1;
      newline = chunk.indexOf(NEWLINE, from);
    }
    if (from < chunk.length) this.pendingBytes.push(chunk.subarray(from));
  }

  /** Parses every line `text` completes; throws RecordingError at the first bad one. */
  push(text: string): void {
    if (this.ended) throw new Error('RecordingParser: push after end');
    let from = 0;
    let newline = text.indexOf('\n');
    if (newline === -1) {
      this.pending += text;
      return;
    }
    if (this.pending !== '') {
      this.line(this.pending + text.slice(0, newline));
      this.pending = '';
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    while (newline !== -1) {
      this.line(text.slice(from, newline));
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    this.pending = text.slice(from);
  }

  /** The whole recording; a last line with no newline that does not parse is a warning. */
  end(): ParsedRecording {
    if (this.pendingBytes.length > 0) {
      this.pending = this.decode(concatBytes(this.pendingBytes));
      this.pendingBytes = [];
    }
    this.ended = true;
    let warning: string | undefined;
    if (this.pending !== '') {
      const last = this.pending;
      this.pending = '';
      try {
        this.line(last);
      } catch (err) {
        if (!(err instanceof RecordingError) || err.line !== this.lineNumber) throw err;
        warning = `line ${this.lineNumber} is incomplete (the recording was cut off mid-write) and was ignored`;
      }
    }
    return warning === undefined
      ? { payloads: this.payloads }
      : { payloads: this.payloads, warning };
  }

  private byteLine(bytes: Uint8Array, from: number, to: number): void {
    const scanner = this.scanner;
    if (
      this.onScannedFrame !== undefined &&
      this.payloads.length > 0 &&
      startsWith(bytes, from, FRAME_LINE_START) &&
      scanner.scan(bytes, from, to) &&
      scanner.t >= this.lastT
    ) {
      this.lineNumber++;
      this.lastT = scanner.t;
      this.onScannedFrame(scanner, bytes.subarray(from, to));
      return;
    }
    this.line(this.decode(bytes.subarray(from, to)));
  }

  private decode(bytes: Uint8Array): string {
    return (this.lineNumber === 0 ? this.firstLineDecoder : this.decoder).decode(bytes);
  }

  private line(line: string): void {
    const lineNumber = ++this.lineNumber;
    if (line.trim() === '') return;
    const parsed = parseRecordingLine(line, lineNumber);
    if (this.payloads.length === 0 && parsed.type !== 'hello') {
      throw new RecordingError(
        lineNumber,
        `the first line must be a hello, not a ${parsed.type} line`,
      );
    }
    if (parsed.type === 'frame') {
      if (parsed.payload.t < this.lastT) {
        throw new RecordingError(
          lineNumber,
          `frame t=${parsed.payload.t} is before the previous frame`,
        );
      }
      this.lastT = parsed.payload.t;
    }
    this.payloads.push(parsed);
    this.onPayload?.(parsed);
  }
}

function startsWith(bytes: Uint8Array, from: number, prefix: Uint8Array): boolean {
  for (let k = 0; k < prefix.length; k++) if (bytes[from + k] !== prefix[k]) return false;
  return true;
}

/** Parses a whole recording (see RecordingParser). */
export function parseRecording(text: string): ParsedRecording {
  const parser = new RecordingParser();
  parser.push(text);
  return parser.end();
}
