import type { ServerResponse } from 'node:http';

/** A plain-text answer: the API's errors, read by people and scripts alike. */
export function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
