/**
 * `GET /api/recording?from=<ms>&to=<ms>`: a window of the gateway's buffer as a recording file,
 * for incident review. Without from/to, everything buffered.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseWindow, recordingOfWindow } from '../../core/recording-window';
import type { Hub } from '../hub';
import { plain } from '../plain-response';

export function downloadRecording(
  hub: Pick<Hub, 'hello' | 'annotations' | 'log'>,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const window = parseWindow(query.get('from'), query.get('to'));
  if ('error' in window) return plain(res, 400, `${window.error}\n`);
  const frames = hub.log.between(window.from, window.to);
  const body = recordingOfWindow(hub.hello(), hub.annotations.values(), frames, window);
  // an open end is named after the frames it holds
  const bound = (t: number) => (Number.isFinite(t) ? t : undefined);
  const from = bound(window.from) ?? frames[0]?.t ?? bound(window.to) ?? hub.hello().now;
  const to = bound(window.to) ?? frames.at(-1)?.t ?? from;
  res.writeHead(200, {
    'content-type': 'application/x-ndjson',
    'content-disposition': `attachment; filename="skewboard-${from}-${to}.ndjson"`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
