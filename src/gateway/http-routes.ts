/**
 * The gateway's HTTP port: its API under /api/, and the built page for everything else.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from './hub';
import { plain } from './plain-response';
import { downloadRecording } from './recording/download';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpRoutesOptions {
  hub: Pick<Hub, 'hello' | 'annotations' | 'log'>;
  /** the gateway's --token: the API needs it as the socket does */
  token?: string;
  /** what is not the API: the static page */
  fallback: RequestHandler;
}

export function httpRoutes(opts: HttpRoutesOptions): RequestHandler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return opts.fallback(req, res);
    // a page from another gateway's origin (?gateway=) may fetch from here, as it connects
    res.setHeader('access-control-allow-origin', '*');
    if (url.pathname !== '/api/recording') return plain(res, 404, `no API at ${url.pathname}\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, `${url.pathname} takes GET\n`);
    }
    if (opts.token !== undefined && !presents(req, url, opts.token)) {
      res.setHeader('www-authenticate', 'Bearer');
      return plain(
        res,
        401,
        'unauthorized: this gateway needs its token (?token= or Authorization: Bearer)\n',
      );
    }
    downloadRecording(opts.hub, url.searchParams, req, res);
  };
}

/** Whether the request carries the token, as `?token=` or `Authorization: Bearer`. */
function presents(req: IncomingMessage, url: URL, token: string): boolean {
  const header = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const given = url.searchParams.get('token') ?? header;
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  // compared in constant time, so the answer's timing does not leak the token
  return a.length === b.length && timingSafeEqual(a, b);
}
