/**
 * Brings a recording into the page, from a URL or a file. The page reads the bytes with
 * progress and hands them to a worker (transferred, not copied), which gunzips them when they
 * start with gzip's magic and parses and checks each line, so the page stays responsive.
 * Nothing is shown until every line has loaded: a bad line fails the load with its line
 * number; a torn last line is a warning. The detector's alerts follow from the same worker.
 */
import { alertTimelineOf, type AlertTimeline } from '../core/alert-timeline';
import type { Annotation, Hello } from '../core/protocol';
import { SeriesStore } from '../core/series-store';
import type { FromIntake, ToIntake } from './recording-intake';

export interface LoadedRecording {
  name: string;
  hello: Hello;
  series: SeriesStore;
  annotations: Annotation[];
  warning?: string;
  /** the detector's alerts over every frame, worked out after the load */
  alerts: Promise<AlertTimeline>;
  /** the recording's frames and annotations between two times, as a recording */
  exportWindow(from: number, to: number): Promise<string>;
  /** lets the worker go */
  dispose(): void;
}

export class RecordingLoadError extends Error {}

/** fraction 0..1 of the bytes read, when the size is known */
export type Progress = (fraction: number) => void;

type Bytes = Uint8Array<ArrayBuffer>;

/** text handed on at a time, as it downloads */
const PIECE = 64 * 1024;

const isGzip = (b: Bytes) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Reads the stream with progress on the bytes. Text goes to `take` as it arrives, so the
 * worker parses while the rest downloads; gzip is gathered whole and handed over at the end
 * (the worker gunzips it in one go: see recording-intake). Returns false when `take` asked
 * to stop.
 */
async function eachPiece(
  stream: ReadableStream<Bytes>,
  total: number,
  progress: Progress,
  take: (piece: ToIntake & { kind: 'bytes' | 'gzip' }) => boolean,
): Promise<boolean> {
  const reader = stream.getReader();
  let received = 0;
  let gzip: boolean | undefined;
  const pending: Bytes[] = [];
  let pendingBytes = 0;
  const joined = () => {
    let piece = pending[0] ?? new Uint8Array(new ArrayBuffer(0));
    if (pending.length > 1) {
      piece = new Uint8Array(pendingBytes);
      let offset = 0;
      for (const p of pending) {
        piece.set(p, offset);
        offset += p.byteLength;
      }
    }
    pending.length = 0;
    pendingBytes = 0;
    return piece;
  };
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    received += next.value.byteLength;
    if (total > 0) progress(Math.min(1, received / total));
    pending.push(next.value);
    pendingBytes += next.value.byteLength;
    if (gzip === undefined && pendingBytes >= 2) {
      const head = joined();
      gzip = isGzip(head);
      pending.push(head);
      pendingBytes = head.byteLength;
    }
    if (!gzip && pendingBytes >= PIECE && !take({ kind: 'bytes', bytes: joined() })) {
      await reader.cancel();
      return false;
    }
  }
  return take({ kind: gzip ? 'gzip' : 'bytes', bytes: joined() });
}

function startWorker(): Worker {
  return new Worker(new URL('./recording-worker.ts', import.meta.url), { type: 'module' });
}

async function load(
  name: string,
  open: () => Promise<{ stream: ReadableStream<Bytes>; total: number }>,
  progress: Progress,
): Promise<LoadedRecording> {
  const worker = startWorker();
  const send = (message: ToIntake) => worker.postMessage(message);
  let settled = false;
  let onLoaded!: (message: Extract<FromIntake, { kind: 'loaded' }>) => void;
  let onFailed!: (err: Error) => void;
  const loaded = new Promise<Extract<FromIntake, { kind: 'loaded' }>>((resolve, reject) => {
    onLoaded = resolve;
    onFailed = reject;
  });
  let onAlerts!: (timeline: AlertTimeline) => void;
  let onAlertsFailed!: (err: Error) => void;
  const alerts = new Promise<AlertTimeline>((resolve, reject) => {
    onAlerts = resolve;
    onAlertsFailed = reject;
  });
  const exports = new Map<number, (text: string) => void>();
  worker.onmessage = (event: MessageEvent<FromIntake>) => {
    const message = event.data;
    if (message.kind === 'loaded') {
      settled = true;
      onLoaded(message);
    } else if (message.kind === 'failed') {
      if (settled) onAlertsFailed(new Error(message.message));
      else onFailed(new RecordingLoadError(`${name}: ${message.message}`));
      settled = true;
    } else if (message.kind === 'alerts') onAlerts(alertTimelineOf(message.events));
    else {
      exports.get(message.id)?.(message.text);
      exports.delete(message.id);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const err = new RecordingLoadError(`${name}: ${event.message || 'the loader stopped'}`);
    if (settled) onAlertsFailed(err);
    else onFailed(err);
    settled = true;
  };

  const read = async () => {
    const { stream, total } = await open();
    const whole = await eachPiece(stream, total, progress, (piece) => {
      // a bad line already failed the load: stop reading
      if (settled) return false;
      // transferred, not copied: the page keeps no bytes
      worker.postMessage(piece, [piece.bytes.buffer]);
      return true;
    }).catch(() => {
      throw new RecordingLoadError(`${name}: could not be read to the end`);
    });
    if (whole) send({ kind: 'end' });
  };

  try {
    const [result] = await Promise.all([
      loaded,
      read().catch((err: unknown) => {
        settled = true;
        onFailed(err instanceof Error ? err : new Error(String(err)));
      }),
    ]);
    let nextExport = 0;
    return {
      name,
      hello: result.hello,
      series: SeriesStore.fromSnapshot(result.series),
      annotations: result.annotations,
      ...(result.warning !== undefined && { warning: result.warning }),
      alerts,
      exportWindow(from, to) {
        const id = nextExport++;
        return new Promise((resolve) => {
          exports.set(id, resolve);
          send({ kind: 'export', id, from, to });
        });
      },
      dispose: () => worker.terminate(),
    };
  } catch (err) {
    worker.terminate();
    throw err;
  }
}

export function loadRecordingUrl(url: string, progress: Progress): Promise<LoadedRecording> {
  const name = decodeURIComponent(
    new URL(url, window.location.href).pathname.split('/').pop() || url,
  );
  return load(
    name,
    async () => {
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
      return { stream: response.body, total };
    },
    progress,
  );
}

export function loadRecordingFile(file: File, progress: Progress): Promise<LoadedRecording> {
  return load(file.name, async () => ({ stream: file.stream(), total: file.size }), progress);
}
