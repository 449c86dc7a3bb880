import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody } from './read-body';

const MAX = 1000;
let server: Server | undefined;

afterEach(async () => {
  server?.close();
  server = undefined;
});

/** A server answering 201 with the body's length, or 413, as the annotations API does. */
async function start(): Promise<number> {
  server = createServer((req, res) => {
    void readBody(req, MAX).then((body) => {
      if (!body.ok && body.why === 'gone') return void res.destroy();
      res.writeHead(body.ok ? 201 : 413, { connection: body.ok ? 'keep-alive' : 'close' });
      res.end(body.ok ? String(body.text.length) : 'too large');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/**
 * Sends `chunks` pieces of `size` bytes, each after the last was taken, without a length;
 * settles once the connection is over, with the answer and any error the sending met.
 */
function post(port: number, chunks: number, size: number) {
  return new Promise<{ status: number; text: string; error?: string }>((resolve) => {
    const answer = { status: 0, text: '' };
    let error: string | undefined;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/' }, (res) => {
      res.on('data', (d: Buffer) => (answer.text += d.toString()));
      answer.status = res.statusCode ?? 0;
    });
    req.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
    req.on('close', () => resolve({ ...answer, ...(error && { error }) }));
    let sent = 0;
    const next = () => {
      if (sent++ === chunks) return void req.end();
      req.write(Buffer.alloc(size, 0x78), () => setTimeout(next, 1));
    };
    next();
  });
}

describe('readBody', () => {
  it('reads a body within the bound whole', async () => {
    const port = await start();
    expect(await post(port, 4, 250)).toEqual({ status: 201, text: '1000' });
  });

  it('answers a body over the bound once the client is done sending, not under its writes', async () => {
    const port = await start();
    // sent piece by piece: the answer must wait for the last, or the client's next write fails
    expect(await post(port, 40, 100)).toEqual({ status: 413, text: 'too large' });
  });

  it('answers a declared length over the bound the same way', async () => {
    const port = await start();
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: 'x'.repeat(MAX * 5),
    });
    expect(res.status).toBe(413);
  });
});
