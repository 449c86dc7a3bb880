/**
 * A request's body, read whole up to a bound: past it the rest is discarded as it comes,
 * never held, and the caller answers 413 (the client still reads that answer, as the
 * connection is drained rather than reset under it).
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; why: 'too large' | 'gone' };

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      return resolve({ ok: false, why: 'too large' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      req.resume();
      resolve({ ok: false, why: 'too large' });
    };
    req.on('data', onData);
    req.once('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.once('error', reject);
    // a client that goes away mid-body: after 'end' this changes nothing
    req.once('close', () => resolve({ ok: false, why: 'gone' }));
  });
}
