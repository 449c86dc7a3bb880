/**
 * Reads a recording from a file or stdin ("-"), plain or gzipped (told apart by gzip's magic
 * bytes, not the name), and parses it. Every failure is a RecordingFileError whose message names
 * the file, and the line when there is one: "run.ndjson:12: frame: samples[3].requests: ...".
 */
import { readFile } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';
import { parseRecording, RecordingError, type ParsedRecording } from '../core/recording';

/** The source name that means stdin. */
export const STDIN = '-';

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

/** How messages call a source. */
export const sourceName = (source: string) => (source === STDIN ? '<stdin>' : source);

/** The text of a recording, gunzipped when it is gzip. */
export async function readRecordingText(
  source: string,
  stdin: AsyncIterable<Buffer | string> = process.stdin,
): Promise<string> {
  const name = sourceName(source);
  let bytes: Buffer;
  try {
    bytes = source === STDIN ? await readAll(stdin) : await readFile(source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RecordingFileError(name, undefined, `cannot read: ${code ?? String(err)}`);
  }
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.toString('utf8');
  try {
    // a sync flush yields what a gzip cut off mid-write holds, so its torn line can be dropped
    return gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  } catch (err) {
    throw new RecordingFileError(name, undefined, `is not valid gzip: ${(err as Error).message}`);
  }
}

/** Reads and parses a recording; a torn last line comes back as `warning`. */
export async function readRecording(
  source: string,
  stdin?: AsyncIterable<Buffer | string>,
): Promise<LoadedRecording> {
  const name = sourceName(source);
  const text = await readRecordingText(source, stdin);
  let parsed: ParsedRecording;
  try {
    parsed = parseRecording(text);
  } catch (err) {
    if (err instanceof RecordingError) throw new RecordingFileError(name, err.line, err.problem);
    throw err;
  }
  if (parsed.payloads.length === 0) {
    throw new RecordingFileError(name, 1, 'is empty: a recording starts with a hello line');
  }
  return { ...parsed, name };
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
