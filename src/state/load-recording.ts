/**
 * Brings a recording into the page, from a URL or a file: bytes with progress, gunzipped when
 * they start with gzip's magic, parsed whole by the core. Nothing is shown until every line
 * has loaded: a bad line fails the load with its line number; a torn last line is a warning.
 */
import { parseRecording, RecordingError, type RecordedPayload } from '../core/recording';

export interface LoadedRecording {
  name: string;
  payloads: RecordedPayload[];
  warning?: string;
}

export class RecordingLoadError extends Error {}

/** fraction 0..1 of the bytes read, when the size is known */
export type Progress = (fraction: number) => void;

async function readAll(stream: ReadableStream<Uint8Array>, total: number, progress: Progress) {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (total > 0) progress(Math.min(1, received / total));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  try {
    return await new Response(stream).text();
  } catch {
    throw new RecordingLoadError('the gzip data is damaged or cut off');
  }
}

function parse(name: string, text: string): LoadedRecording {
  try {
    const { payloads, warning } = parseRecording(text);
    if (payloads.length === 0)
      throw new RecordingLoadError(`${name}: holds no hello: not a recording`);
    return warning === undefined ? { name, payloads } : { name, payloads, warning };
  } catch (err) {
    if (err instanceof RecordingError) throw new RecordingLoadError(`${name}: ${err.message}`);
    throw err;
  }
}

async function decode(name: string, bytes: Uint8Array): Promise<LoadedRecording> {
  const text = isGzip(bytes) ? await gunzip(bytes) : new TextDecoder().decode(bytes);
  return parse(name, text);
}

export async function loadRecordingUrl(url: string, progress: Progress): Promise<LoadedRecording> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new RecordingLoadError(`${url}: could not be fetched`);
  }
  if (!response.ok || !response.body) {
    throw new RecordingLoadError(
      `${url}: the server answered ${response.status} ${response.statusText}`,
    );
  }
  const total = Number(response.headers.get('content-length') ?? 0);
  const name = decodeURIComponent(
    new URL(url, window.location.href).pathname.split('/').pop() || url,
  );
  return decode(name, await readAll(response.body, total, progress));
}

export async function loadRecordingFile(file: File, progress: Progress): Promise<LoadedRecording> {
  return decode(file.name, await readAll(file.stream(), file.size, progress));
}
