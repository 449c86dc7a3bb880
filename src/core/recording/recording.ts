/**
 * The recording file (CONTRACT section 2): NDJSON, one protocol payload per line with a `type`
 * field. A torn last line (a crash mid-write) is dropped with a warning; any other bad line is
 * an error naming its line number.
 */
import {
  alert,
  annotation,
  annotationRemove,
  frame,
  hello,
  type AlertPayload,
  type Annotation,
  type AnnotationRemove,
  type Frame,
  type Hello,
} from '../protocol/protocol';
import { concatBytes } from './concat-bytes';
import { FRAME_LINE_START, FrameLineScanner } from './frame-line-scanner';
import { ValidationError } from '../protocol/validate';

export type RecordedPayload =
  | { type: 'hello'; payload: Hello }
  | { type: 'frame'; payload: Frame }
  | { type: 'annotation'; payload: Annotation }
  | { type: 'annotation:remove'; payload: AnnotationRemove }
  // the gateway's alert transitions: kept for the record; `analyze` and a review recompute them
  | { type: 'alert'; payload: AlertPayload };

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
      case 'alert':
        return { type, payload: alert.check(payload) };
      default:
        throw new RecordingError(
          lineNumber,
          `type is ${JSON.stringify(type)}, expected "hello", "frame", "annotation", "annotation:remove" or "alert"`,
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
 * The longest line a reader takes. The gateway writes nothing near it: a payload reaches it
 * through Socket.IO, whose messages stop at 1 MB, and a frame of a thousand servers is about
 * 150 KB. A line past it is not a recording; holding it to find its end (an endless line in a
 * gzip bomb) would take all memory, while one line this long, decoded and parsed, stays near
 * 100 MB.
 */
export const MAX_LINE_BYTES = 16 * 2 ** 20;

export interface RecordingParserOptions {
  /** a longer line is an error naming it (MAX_LINE_BYTES by default) */
  maxLineBytes?: number;
  /** false: payloads go only to `onPayload`, not into `payloads`, so memory stays flat */
  keep?: boolean;
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
 *
 * A line longer than `maxLineBytes` stops the read with its line number as soon as the bytes
 * held for it pass the limit, so an endless line costs no more than the limit.
 */
export class RecordingParser {
  readonly payloads: RecordedPayload[] = [];
  private pending = '';
  private pendingBytes: Uint8Array[] = [];
  private pendingLength = 0;
  private lineNumber = 0;
  private count = 0;
  private readonly maxLineBytes: number;
  private readonly keep: boolean;
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
    options: RecordingParserOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.keep = options.keep ?? true;
  }

  /** Lines read so far, whole or blank; the line being read is the next one. */
  get lines(): number {
    return this.lineNumber;
  }

  /** Payloads read so far, kept or not (frames handed to `onScannedFrame` aside). */
  get payloadCount(): number {
    return this.count;
  }

  /** As push, for UTF-8 bytes; `chunk` is kept (not copied) while its lines are needed. */
  pushBytes(chunk: Uint8Array): void {
    if (this.ended) throw new Error('RecordingParser: push after end');
    let from = 0;
    let newline = chunk.indexOf(NEWLINE);
    if (newline === -1) {
      this.holdBytes(chunk);
      return;
    }
    if (this.pendingBytes.length > 0) {
      this.checkLength(this.pendingLength + newline);
      const line = concatBytes([...this.pendingBytes, chunk.subarray(0, newline)]);
      this.pendingBytes = [];
      this.pendingLength = 0;
      this.byteLine(line, 0, line.length);
      from = newline + 1;
      newline = chunk.indexOf(NEWLINE, from);
    }
    while (newline !== -1) {
      this.checkLength(newline - from);
      this.byteLine(chunk, from, newline);
      from = newline + 1;
      newline = chunk.indexOf(NEWLINE, from);
    }
    if (from < chunk.length) this.holdBytes(chunk.subarray(from));
  }

  /** Keeps the start of a line whose end has not come yet. */
  private holdBytes(part: Uint8Array): void {
    this.checkLength(this.pendingLength + part.length);
    this.pendingBytes.push(part);
    this.pendingLength += part.length;
  }

  /** Throws for the line being read when it is `length` bytes (or UTF-16 units) already. */
  private checkLength(length: number): void {
    if (length > this.maxLineBytes) {
      throw new RecordingError(
        this.lineNumber + 1,
        `line longer than ${this.maxLineBytes} bytes: not a recording line`,
      );
    }
  }

  /** Parses every line `text` completes; throws RecordingError at the first bad one. */
  push(text: string): void {
    if (this.ended) throw new Error('RecordingParser: push after end');
    // UTF-16 units, as strings count, are never more than the UTF-8 bytes: a line over the
    // limit here is over it in bytes too
    let from = 0;
    let newline = text.indexOf('\n');
    if (newline === -1) {
      this.checkLength(this.pending.length + text.length);
      this.pending += text;
      return;
    }
    if (this.pending !== '') {
      this.checkLength(this.pending.length + newline);
      this.line(this.pending + text.slice(0, newline));
      this.pending = '';
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    while (newline !== -1) {
      this.checkLength(newline - from);
      this.line(text.slice(from, newline));
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    this.checkLength(text.length - from);
    this.pending = text.slice(from);
  }

  /** The whole recording; a last line with no newline that does not parse is a warning. */
  end(): ParsedRecording {
    if (this.pendingBytes.length > 0) {
      this.pending = this.decode(concatBytes(this.pendingBytes));
      this.pendingBytes = [];
      this.pendingLength = 0;
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
      this.count > 0 &&
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
    if (this.count === 0 && parsed.type !== 'hello') {
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
    this.count++;
    if (this.keep) this.payloads.push(parsed);
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
