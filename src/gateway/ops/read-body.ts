/**
 * A request's body, read whole up to a bound: past it the rest is discarded as it comes,
 * never held, and the caller answers 413 once the client has finished sending, so the client
 * reads that answer instead of a reset under a body it is still writing. A client that goes on
 * sending past DRAIN_FACTOR times the bound is answered (and cut off) at that point.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; why: 'too large' | 'gone' };

const DRAIN_FACTOR = 8;

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (!tooLarge && size <= maxBytes) return void chunks.push(chunk);
      tooLarge = true;
      chunks.length = 0;
      if (size > maxBytes * DRAIN_FACTOR) {
        req.off('data', onData);
        req.resume();
        resolve({ ok: false, why: 'too large' });
      }
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) tooLarge = true;
    req.on('data', onData);
    req.once('end', () =>
      resolve(
        tooLarge
          ? { ok: false, why: 'too large' }
          : { ok: true, text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.once('error', reject);
    // a client that goes away mid-body: after 'end' this changes nothing
    req.once('close', () => resolve({ ok: false, why: 'gone' }));
  });
}
