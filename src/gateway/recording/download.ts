/**
 * `GET /api/recording?from=<ms>&to=<ms>`: a window of the gateway's buffer as a recording file,
 * for incident review. Without from/to, everything buffered.
 *
 * The answer is written as it is made, a batch of lines at a time, waiting for the client
 * whenever the socket is full and stopping when it goes away: built whole, a 40 MB answer held
 * the event loop for 2 s and ten at once took the gateway to 715 MB.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseWindow, recordingLinesOfWindow } from '../../core/recording/recording-window';
import type { Hub } from '../hub';
import { plain } from '../plain-response';

/** About how much is made and written at once; then others get the event loop. */
export const BATCH_BYTES = 64 * 1024;

export function downloadRecording(
  hub: Pick<Hub, 'hello' | 'annotations' | 'log'>,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const window = parseWindow(query.get('from'), query.get('to'));
  if ('error' in window) return plain(res, 400, `${window.error}\n`);
  const frames = hub.log.between(window.from, window.to);
  // what goes in is chosen now: frames and notes that come while it is written are not in it
  const lines = recordingLinesOfWindow(hub.hello(), hub.annotations.values(), frames, window);
  // an open end is named after the frames it holds
  const bound = (t: number) => (Number.isFinite(t) ? t : undefined);
  const from = bound(window.from) ?? frames[0]?.t ?? bound(window.to) ?? hub.hello().now;
  const to = bound(window.to) ?? frames.at(-1)?.t ?? from;
  const headers = {
    'content-type': 'application/x-ndjson',
    'content-disposition': `attachment; filename="skewboard-${from}-${to}.ndjson"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  const sending =
    req.method === 'HEAD' ? answerHead(res, headers, lines) : stream(res, headers, lines);
  sending.catch((err: unknown) => res.destroy(err as Error));
}

/** Lines joined into pieces of about BATCH_BYTES. */
function* batches(lines: Iterable<string>): Generator<string> {
  let batch = '';
  for (const line of lines) {
    batch += line;
    if (batch.length >= BATCH_BYTES) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/** Whether the response is over: finished, or its client gone. */
const closed = (res: ServerResponse) => res.destroyed || res.writableEnded;

/** Resolves when `res` takes more, or is closed. */
const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    // the response's close, not the request's: that one comes once the (empty) body is read
    res.on('close', done);
  });

/** GET: no content-length, so chunked; written as made, as fast as the client reads. */
async function stream(
  res: ServerResponse,
  headers: Record<string, string>,
  lines: Iterable<string>,
): Promise<void> {
  res.writeHead(200, headers);
  for (const batch of batches(lines)) {
    if (closed(res)) return;
    if (!res.write(batch)) await drained(res);
    else await nextTurn();
  }
  if (!closed(res)) res.end();
}

/**
 * HEAD: the headers GET sends, and the size it would send, counted a batch at a time rather
 * than held.
 */
async function answerHead(
  res: ServerResponse,
  headers: Record<string, string>,
  lines: Iterable<string>,
): Promise<void> {
  let length = 0;
  for (const batch of batches(lines)) {
    if (closed(res)) return;
    length += Buffer.byteLength(batch);
    await nextTurn();
  }
  if (closed(res)) return;
  res.writeHead(200, { ...headers, 'content-length': length });
  res.end();
}
