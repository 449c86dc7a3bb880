/**
 * The gateway's HTTP port: health, its API under /api/, and the built page for everything
 * else. Every answer carries the security headers; an API call from a foreign page is refused
 * (CONTRACT section 1, "Origins"); nothing a request holds can throw out of here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from './hub';
import { plain } from './plain-response';
import { downloadRecording } from './recording/download';
import { accessOf, bearerToken, type Tokens } from './security/access';
import { originAllowed, type OriginPolicy } from './security/origin';
import { setSecurityHeaders } from './static/security-headers';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpRoutesOptions {
  hub: Pick<Hub, 'hello' | 'annotations' | 'log'> & Partial<Pick<Hub, 'readiness'>>;
  /** the gateway's tokens: the API needs them as the socket does */
  tokens?: Tokens;
  /** origins other than the gateway's own that may call the API */
  origins?: OriginPolicy;
  /** set on every answer (CSP and friends) */
  headers?: Record<string, string>;
  /** what is not the API: the static page */
  fallback: RequestHandler;
  warn?: (message: string) => void;
}

const NO_ORIGINS: OriginPolicy = { allowed: new Set() };

export function httpRoutes(opts: HttpRoutesOptions): RequestHandler {
  const report = errorReporter(opts.warn);
  return async (req, res) => {
    try {
      if (opts.headers) setSecurityHeaders(res, opts.headers);
      await route(opts, req, res);
    } catch (err) {
      report(req, err);
      if (!res.headersSent) plain(res, 500, 'the gateway could not answer this request\n');
      else res.destroy();
    }
  };
}

async function route(
  opts: HttpRoutesOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  if (path === '/healthz' || path === '/readyz') return health(opts, path, req, res);
  if (path !== '/api' && !path.startsWith('/api/')) return opts.fallback(req, res);

  const origin = req.headers.origin;
  if (!originAllowed(origin, req.headers.host, opts.origins ?? NO_ORIGINS)) {
    return plain(
      res,
      403,
      `forbidden: a page at ${JSON.stringify(origin?.slice(0, 200))} may not use this gateway; start it with --allow-origin <that origin> to let it\n`,
    );
  }
  if (origin !== undefined) {
    // a page from another gateway's origin (?gateway=) may fetch from here, as it connects
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, HEAD, POST');
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    res.setHeader('access-control-max-age', '600');
    res.writeHead(204);
    return void res.end();
  }
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  if (path !== '/api/recording') return plain(res, 404, `no API at ${path.slice(0, 200)}\n`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return plain(res, 405, `${path} takes GET\n`);
  }
  const given = [bearerToken(req.headers.authorization), query.get('token') ?? undefined];
  if (accessOf(given, opts.tokens ?? {}) === 'none') {
    res.setHeader('www-authenticate', 'Bearer');
    return plain(
      res,
      401,
      'unauthorized: this gateway needs its token (Authorization: Bearer <token>)\n',
    );
  }
  downloadRecording(opts.hub, query, req, res);
}

/** `/healthz` (the process answers) and `/readyz` (the source delivers), CONTRACT section 4. */
function health(
  opts: HttpRoutesOptions,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return plain(res, 405, `${path} takes GET\n`);
  }
  const ready = opts.hub.readiness?.() ?? { ready: true };
  const [status, body] =
    path === '/healthz'
      ? [200, { status: 'ok' }]
      : [ready.ready ? 200 : 503, { status: ready.ready ? 'ready' : 'not ready', ...ready }];
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
}

const quoted = (path: string) => JSON.stringify(path.slice(0, 200));

/**
 * Logs a request that failed, at most one line a minute with a count of the others, so a
 * flood of bad requests cannot fill the log.
 */
function errorReporter(warn: ((m: string) => void) | undefined) {
  let quietUntil = 0;
  let unreported = 0;
  return (req: IncomingMessage, err: unknown) => {
    const now = Date.now();
    if (now < quietUntil) {
      unreported++;
      return;
    }
    const more = unreported > 0 ? ` (and ${unreported} more since the last report)` : '';
    unreported = 0;
    quietUntil = now + 60_000;
    const what = `${req.method ?? '?'} ${quoted(req.url ?? '')}`;
    warn?.(`a request failed: ${what}: ${err instanceof Error ? err.message : String(err)}${more}`);
  };
}
