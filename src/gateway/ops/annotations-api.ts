/**
 * `POST /api/annotations` (CONTRACT section 4): a note from a script, e.g. a deploy pipeline's
 * "load-balancer config change deployed". The body is the `annotate` event's payload and goes
 * through the hub as the socket's does: the same validator, limits and viewers. The caller has
 * checked the origin and the write token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from '../hub';
import { plain } from '../plain-response';
import { MAX_CLIENT_MESSAGE_BYTES } from '../socket-server';
import { readBody } from './read-body';
import type { WriterRates } from './writer-rates';

export interface AnnotationsApi {
  hub: Pick<Hub, 'annotate'>;
  rates: WriterRates;
  /** told of each note added */
  added?: (note: { id: string; title: string }) => void;
}

export async function postAnnotation(
  api: AnnotationsApi,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  // a form post cannot send JSON, so a page elsewhere cannot post without asking first
  if (type.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    return plain(res, 415, 'POST /api/annotations takes Content-Type: application/json\n');
  }
  const wait = api.rates.take(req.socket.remoteAddress ?? '');
  if (wait > 0) {
    res.setHeader('retry-after', String(wait));
    const { perSecond, burst } = api.rates.rate;
    return plain(
      res,
      429,
      `too many writes: at most ${perSecond} a second (${burst} at once) from one client; try again in ${wait} s\n`,
    );
  }
  const body = await readBody(req, MAX_CLIENT_MESSAGE_BYTES);
  if (!body.ok && body.why === 'gone') return void res.destroy();
  if (!body.ok) {
    res.setHeader('connection', 'close');
    return plain(res, 413, `the body is larger than ${MAX_CLIENT_MESSAGE_BYTES} bytes\n`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.text);
  } catch {
    return plain(res, 400, 'annotate: the body is not JSON\n');
  }
  const ack = api.hub.annotate(payload);
  if (!ack.ok) return plain(res, 400, `${ack.error}\n`);
  api.added?.({ id: ack.id, title: (payload as { title: string }).title });
  res.writeHead(201, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ id: ack.id }));
}
