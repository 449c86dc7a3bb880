/**
 * Brings a recording into the page, from a URL or a file. The page reads the bytes with
 * progress, gunzips them as they come when they start with gzip's magic, and hands the text
 * to a worker (transferred, not copied), which parses and checks each line meanwhile, so
 * gunzip and parse run on two cores and the page stays responsive.
 * Nothing is shown until every line has loaded: a bad line fails the load with its line
 * number; a torn last line is a warning. The detector's alerts follow from the same worker.
 */
import type { DraftOptions } from '../core/postmortem/draft';
import { alertTimelineOf, type AlertTimeline } from '../core/recording/alert-timeline';
import type { Annotation, Hello } from '../core/protocol/protocol';
import { concatBytes } from '../core/recording/concat-bytes';
import { SeriesStore } from '../core/series/series-store';
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
  /** the markdown postmortem draft of the whole recording, as `skewboard postmortem` writes it */
  postmortemDraft(options: DraftOptions): Promise<string>;
  /** lets the worker go */
  dispose(): void;
}

export class RecordingLoadError extends Error {}

/** fraction 0..1 of the bytes read, when the size is known */
export type Progress = (fraction: number) => void;

type Bytes = Uint8Array<ArrayBuffer>;

const isGzip = (b: Bytes) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** What the loader needs of its worker: a test runs the intake in-process behind it. */
export interface IntakeWorker {
  onmessage: ((event: MessageEvent<FromIntake>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToIntake, transfer: Transferable[]): void;
  terminate(): void;
}

/** Starts one loader worker (a fresh one per load, and per retry of a gzip). */
export type StartIntakeWorker = () => IntakeWorker;

const moduleWorker: StartIntakeWorker = () =>
  new Worker(new URL('./recording-worker.ts', import.meta.url), { type: 'module' });

/** A loader worker, with what it will answer. */
interface Intake {
  worker: IntakeWorker;
  send(message: ToIntake, transfer?: ArrayBuffer[]): void;
  /** a bad line failed the load, or it loaded: no more bytes are wanted */
  done(): boolean;
  loaded: Promise<Extract<FromIntake, { kind: 'loaded' }>>;
  alerts: Promise<AlertTimeline>;
  exportWindow(from: number, to: number): Promise<string>;
  postmortemDraft(options: DraftOptions): Promise<string>;
}

function startIntake(name: string, startWorker: StartIntakeWorker): Intake {
  const worker = startWorker();
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
  // a load that fails before the page asks for alerts must not leave a rejection unhandled
  alerts.catch(() => {});
  const fail = (err: Error) => {
    if (settled) onAlertsFailed(err);
    else onFailed(err);
    settled = true;
  };
  // texts asked of the worker (an export, a draft), by the id of the request
  const asked = new Map<number, (text: string) => void>();
  let nextId = 0;
  const ask = (request: (id: number) => ToIntake) =>
    new Promise<string>((resolve) => {
      const id = nextId++;
      asked.set(id, resolve);
      send(request(id));
    });
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.kind === 'loaded') {
      settled = true;
      onLoaded(message);
    } else if (message.kind === 'failed') {
      fail(
        settled
          ? new Error(message.message)
          : new RecordingLoadError(`${name}: ${message.message}`),
      );
    } else if (message.kind === 'alerts') onAlerts(alertTimelineOf(message.events));
    else {
      asked.get(message.id)?.(message.text);
      asked.delete(message.id);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new RecordingLoadError(`${name}: ${event.message || 'the loader stopped'}`));
  };
  const send = (message: ToIntake, transfer: ArrayBuffer[] = []) =>
    worker.postMessage(message, transfer);
  return {
    worker,
    send,
    done: () => settled,
    loaded,
    alerts,
    exportWindow: (from, to) => ask((id) => ({ kind: 'export', id, from, to })),
    postmortemDraft: (options) => ask((id) => ({ kind: 'postmortem', id, options })),
  };
}

/**
 * Reads the stream into `intake` with progress on the bytes read. Text goes over as it
 * arrives, so the worker parses while the rest downloads. Gzip goes through the browser's
 * DecompressionStream here as it arrives, the text on to the worker: gunzip on this thread
 * and parsing on the worker's run side by side. Returns the gzip bytes when the browser
 * could not gunzip them (several members joined, cut off, damaged): the caller starts again
 * with fflate in a fresh worker, which reads those and says what was wrong.
 */
async function feed(
  stream: ReadableStream<Bytes>,
  total: number,
  progress: Progress,
  intake: Intake,
): Promise<{ gzipAgain: Bytes } | undefined> {
  const reader = stream.getReader();
  let received = 0;
  const read = async () => {
    const next = await reader.read();
    if (!next.done) {
      received += next.value.byteLength;
      if (total > 0) progress(Math.min(1, received / total));
    }
    return next;
  };
  const give = (bytes: Bytes) => {
    // transferred, not copied: the page keeps no bytes
    if (!intake.done()) intake.send({ kind: 'bytes', bytes }, [bytes.buffer]);
  };
  // the first two bytes say gzip or not
  const head: Bytes[] = [];
  let headBytes = 0;
  while (headBytes < 2) {
    const next = await read();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.byteLength;
  }
  const first = concatBytes(head);
  if (!isGzip(first)) {
    if (first.byteLength > 0) give(first);
    for (let next = await read(); !next.done && !intake.done(); next = await read()) {
      give(next.value);
    }
    if (intake.done()) await reader.cancel();
    else intake.send({ kind: 'end' });
    return undefined;
  }
  // gzip: the compressed bytes are kept, should the browser's gunzip fail
  const compressed: Bytes[] = [first];
  const source = new ReadableStream<Bytes>({
    start: (controller) => controller.enqueue(first),
    async pull(controller) {
      const next = await read();
      if (next.done) return controller.close();
      compressed.push(next.value);
      controller.enqueue(next.value);
    },
  });
  const text = source.pipeThrough<Bytes>(new DecompressionStream('gzip')).getReader();
  try {
    for (let next = await text.read(); !next.done; next = await text.read()) {
      if (intake.done()) {
        await text.cancel();
        return undefined;
      }
      give(next.value);
    }
  } catch {
    for (let next = await read(); !next.done; next = await read()) compressed.push(next.value);
    return { gzipAgain: concatBytes(compressed) };
  }
  intake.send({ kind: 'end' });
  return undefined;
}

async function load(
  name: string,
  open: () => Promise<{ stream: ReadableStream<Bytes>; total: number }>,
  progress: Progress,
  startWorker: StartIntakeWorker,
): Promise<LoadedRecording> {
  let intake = startIntake(name, startWorker);
  try {
    const { stream, total } = await open();
    const again = await Promise.race([
      feed(stream, total, progress, intake).catch(() => {
        throw new RecordingLoadError(`${name}: could not be read to the end`);
      }),
      // a bad line fails the load at once, whatever is still downloading
      intake.loaded.then(() => undefined),
    ]);
    if (again !== undefined) {
      intake.worker.terminate();
      intake = startIntake(name, startWorker);
      intake.send({ kind: 'gzip', bytes: again.gzipAgain }, [again.gzipAgain.buffer]);
      intake.send({ kind: 'end' });
    }
    const result = await intake.loaded;
    const { worker, alerts, exportWindow, postmortemDraft } = intake;
    return {
      name,
      hello: result.hello,
      series: SeriesStore.fromSnapshot(result.series),
      annotations: result.annotations,
      ...(result.warning !== undefined && { warning: result.warning }),
      alerts,
      exportWindow,
      // the draft names the file, not the address it came from
      postmortemDraft: (options) =>
        postmortemDraft({ source: name.split('/').at(-1) ?? name, ...options }),
      dispose: () => worker.terminate(),
    };
  } catch (err) {
    intake.worker.terminate();
    throw err;
  }
}

export function loadRecordingUrl(
  url: string,
  progress: Progress,
  startWorker: StartIntakeWorker = moduleWorker,
): Promise<LoadedRecording> {
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
    startWorker,
  );
}

export function loadRecordingFile(
  file: File,
  progress: Progress,
  startWorker: StartIntakeWorker = moduleWorker,
): Promise<LoadedRecording> {
  return load(
    file.name,
    async () => ({ stream: file.stream(), total: file.size }),
    progress,
    startWorker,
  );
}
