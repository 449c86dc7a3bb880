/**
 * Reads a recording from a file or stdin ("-"), plain or gzipped (told apart by gzip's magic
 * bytes, not the name), as a stream: the bytes are gunzipped and split into lines as they come,
 * so memory follows the longest line (at most MAX_LINE_BYTES), not the file. Every failure is a
 * RecordingFileError whose message names the file, and the line when there is one:
 * "run.ndjson:12: frame: samples[3].requests: ...".
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';
import {
  RecordingError,
  RecordingParser,
  type ParsedRecording,
  type RecordedPayload,
} from '../core/recording/recording';

/** The source name that means stdin. */
export const STDIN = '-';

/**
 * The most a reader that holds the whole recording (readRecording: a replay) takes, in bytes
 * after gunzip. Parsed, a recording takes about 1.6 times its text in memory, so this is some
 * 400 MB; it is four of the recording folder's 64 MiB files, days of a fleet's frames. Past
 * it the read stops naming the line it reached, rather than running out of memory on a gzip
 * that inflates to gigabytes. `analyze` holds nothing and reads any size.
 */
export const MAX_HELD_BYTES = 256 * 2 ** 20;

export class RecordingFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'RecordingFileError';
  }
}

export interface LoadedRecording extends ParsedRecording {
  /** how messages call the source: the path, or "<stdin>" */
  name: string;
}

/** What a streamed read ends with; the payloads went to the callback. */
export interface StreamedRecording {
  name: string;
  /** set when the last line was torn and dropped */
  warning?: string;
}

type Input = AsyncIterable<Buffer | string>;

/** How messages call a source. */
export const sourceName = (source: string) => (source === STDIN ? '<stdin>' : source);

const MiB = (bytes: number) => `${+(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The text of a recording, gunzipped when it is gzip; at most `maxBytes` of it. */
export async function readRecordingText(
  source: string,
  stdin?: Input,
  maxBytes = MAX_HELD_BYTES,
): Promise<string> {
  const name = sourceName(source);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of recordingBytes(source, stdin)) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new RecordingFileError(name, undefined, `is more than ${MiB(maxBytes)} of text`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads and parses a recording, holding every payload; a torn last line comes back as
 * `warning`. A recording of more than `maxBytes` (after gunzip) is refused at the line the
 * limit falls in.
 */
export async function readRecording(
  source: string,
  stdin?: Input,
  maxBytes = MAX_HELD_BYTES,
): Promise<LoadedRecording> {
  const parser = new RecordingParser();
  const { name, warning } = await parse(source, stdin, parser, maxBytes);
  return warning === undefined
    ? { payloads: parser.payloads, name }
    : { payloads: parser.payloads, warning, name };
}

/**
 * Reads a recording, handing each payload to `onPayload` as its line is read and holding none:
 * memory stays flat whatever the file's size. A bad line throws once the lines before it have
 * been handed over.
 */
export async function streamRecording(
  source: string,
  onPayload: (payload: RecordedPayload) => void,
  stdin?: Input,
): Promise<StreamedRecording> {
  const parser = new RecordingParser(onPayload, undefined, { keep: false });
  return parse(source, stdin, parser, Infinity);
}

async function parse(
  source: string,
  stdin: Input | undefined,
  parser: RecordingParser,
  maxBytes: number,
): Promise<StreamedRecording> {
  const name = sourceName(source);
  let total = 0;
  let ended: ParsedRecording;
  try {
    for await (const chunk of recordingBytes(source, stdin)) {
      if (total + chunk.length > maxBytes) {
        parser.pushBytes(chunk.subarray(0, maxBytes - total));
        throw new RecordingFileError(
          name,
          parser.lines + 1,
          `the recording goes on past ${MiB(maxBytes)} (after gunzip), the most a replay ` +
            'holds in memory; replay a shorter stretch of it (analyze reads any size)',
        );
      }
      total += chunk.length;
      parser.pushBytes(chunk);
    }
    ended = parser.end();
  } catch (err) {
    if (err instanceof RecordingError) throw new RecordingFileError(name, err.line, err.problem);
    throw err;
  }
  if (parser.payloadCount === 0) {
    throw new RecordingFileError(name, 1, 'is empty: a recording starts with a hello line');
  }
  return ended.warning === undefined ? { name } : { name, warning: ended.warning };
}

/** The bytes of a source as they are read, gunzipped when they start with gzip's magic. */
async function* recordingBytes(source: string, stdin?: Input): AsyncGenerator<Buffer> {
  const name = sourceName(source);
  const raw = rawBytes(source, stdin)[Symbol.asyncIterator]();
  try {
    // the magic is two bytes; a pipe may hand over one at a time
    let head: Buffer = Buffer.alloc(0);
    while (head.length < 2) {
      const next = await raw.next();
      if (next.done) break;
      head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
    }
    async function* rest() {
      if (head.length > 0) yield head;
      for (let next = await raw.next(); !next.done; next = await raw.next()) yield next.value;
    }
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
      yield* rest();
      return;
    }
    // a sync flush yields what a gzip cut off mid-write holds, so its torn line can be dropped;
    // members joined end to end (`cat a.gz b.gz`) read as one
    const gunzip = createGunzip({
      finishFlush: constants.Z_SYNC_FLUSH,
      chunkSize: 64 * 1024,
    });
    const input = Readable.from(rest());
    input.once('error', (err) => gunzip.destroy(err));
    input.pipe(gunzip);
    try {
      // pulled a chunk at a time: pipe() stops reading the file while gunzip's output waits
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch (err) {
      if (err instanceof RecordingFileError) throw err;
      throw new RecordingFileError(name, undefined, `is not valid gzip: ${(err as Error).message}`);
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } finally {
    await raw.return(undefined);
  }
}

/** The file's (or stdin's) bytes; a failure to read is a RecordingFileError. */
async function* rawBytes(source: string, stdin?: Input): AsyncGenerator<Buffer> {
  const name = sourceName(source);
  const cannotRead = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    return new RecordingFileError(name, undefined, `cannot read: ${code ?? String(err)}`);
  };
  // stdin is only touched when asked for: opening it can keep the process alive
  let input: Input;
  if (source === STDIN) input = stdin ?? process.stdin;
  else {
    try {
      input = (await open(source)).createReadStream({ highWaterMark: 64 * 1024 });
    } catch (err) {
      throw cannotRead(err);
    }
  }
  const chunks = input[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer | string>;
      try {
        next = await chunks.next();
      } catch (err) {
        throw cannotRead(err);
      }
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  } finally {
    await chunks.return?.();
  }
}
