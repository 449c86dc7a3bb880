/**
 * The gateway's HTTP port: health, metrics, its API under /api/, and the built page for
 * everything else. Every answer carries the security headers; an API call from a foreign page is refused
 * (CONTRACT section 1, "Origins"); nothing a request holds can throw out of here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from './hub';
import { NO_ALERTS, type FiringAlerts } from './ops/alert-payload';
import { postAnnotation } from './ops/annotations-api';
import type { LogFields } from './ops/logger';
import { WriterRates } from './ops/writer-rates';
import { plain } from './plain-response';
import { downloadRecording } from './recording/download';
import { accessOf, bearerToken, type Access, type Tokens } from './security/access';
import { originAllowed, type OriginPolicy } from './security/origin';
import { setSecurityHeaders } from './static/security-headers';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpRoutesOptions {
  hub: Pick<Hub, 'hello' | 'annotations' | 'log'> & Partial<Pick<Hub, 'readiness' | 'annotate'>>;
  /** `GET /metrics`; without it, 404 */
  metrics?: { scrape(): Promise<{ contentType: string; body: string }> };
  /** the alerts firing now, for `GET /api/alerts`; none unless given */
  firingAlerts?: FiringAlerts;
  /** the gateway's tokens: the API needs them as the socket does */
  tokens?: Tokens;
  /** origins other than the gateway's own that may call the API */
  origins?: OriginPolicy;
  /** set on every answer (CSP and friends) */
  headers?: Record<string, string>;
  /** the gateway's skewboard version, told by `/healthz` */
  version?: string;
  /** what is not the API: the static page */
  fallback: RequestHandler;
  warn?: (message: string) => void;
  /** told what a writer did, e.g. a note posted by a pipeline */
  info?: (message: string, fields?: LogFields) => void;
}

const NO_ORIGINS: OriginPolicy = { allowed: new Set() };

export function httpRoutes(opts: HttpRoutesOptions): RequestHandler {
  const report = errorReporter(opts.warn);
  const rates = new WriterRates();
  return async (req, res) => {
    try {
      if (opts.headers) setSecurityHeaders(res, opts.headers);
      await route(opts, rates, req, res);
    } catch (err) {
      report(req, err);
      if (!res.headersSent) plain(res, 500, 'the gateway could not answer this request\n');
      else res.destroy();
    }
  };
}

async function route(
  opts: HttpRoutesOptions,
  rates: WriterRates,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  if (path === '/healthz' || path === '/readyz') return health(opts, path, req, res);
  if (path === '/metrics') {
    if (!opts.metrics) return plain(res, 404, 'this gateway keeps no metrics\n');
    return metrics(opts, opts.metrics, req, res);
  }
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
  const endpoint = API.get(path);
  if (!endpoint) return plain(res, 404, `no API at ${path.slice(0, 200)}\n`);
  if (!endpoint.methods.includes(req.method ?? '')) {
    res.setHeader('allow', endpoint.methods.join(', '));
    return plain(res, 405, `${path} takes ${endpoint.methods[0]}\n`);
  }
  // a write's token comes in its header only: a URL is kept in logs and histories
  const given = [
    bearerToken(req.headers.authorization),
    endpoint.needs === 'read' ? (query.get('token') ?? undefined) : undefined,
  ];
  const presented = given.some((g) => g !== undefined);
  if (!allowed(accessOf(given, opts.tokens ?? {}), endpoint.needs, presented, res)) return;
  switch (path) {
    case '/api/recording':
      return downloadRecording(opts.hub, query, req, res);
    case '/api/alerts':
      return json(res, 200, (opts.firingAlerts ?? NO_ALERTS)(), req.method === 'HEAD');
    case '/api/annotations': {
      const { annotate } = opts.hub;
      if (!annotate) return plain(res, 404, 'this gateway takes no notes\n');
      return postAnnotation(
        {
          hub: { annotate: (p) => annotate.call(opts.hub, p) },
          rates,
          added: (note) => opts.info?.('annotation added', { ...note, via: 'api' }),
        },
        req,
        res,
      );
    }
  }
}

/** What each API path takes and needs. */
const API = new Map<string, { methods: string[]; needs: 'read' | 'write' }>([
  ['/api/recording', { methods: ['GET', 'HEAD'], needs: 'read' }],
  ['/api/alerts', { methods: ['GET', 'HEAD'], needs: 'read' }],
  ['/api/annotations', { methods: ['POST'], needs: 'write' }],
]);

/**
 * Whether `access` is enough; when not, answers 401 (no token, or a wrong one) or 403 (a
 * reader's token, to write).
 */
function allowed(
  access: Access,
  needs: 'read' | 'write',
  presented: boolean,
  res: ServerResponse,
): boolean {
  if (access === 'write' || (access === 'read' && needs === 'read')) return true;
  if (access === 'read' && presented) {
    plain(res, 403, 'forbidden: writing needs the write token (Authorization: Bearer <token>)\n');
    return false;
  }
  res.setHeader('www-authenticate', 'Bearer');
  plain(res, 401, 'unauthorized: this gateway needs its token (Authorization: Bearer <token>)\n');
  return false;
}

function json(res: ServerResponse, status: number, body: unknown, head = false): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(head ? undefined : JSON.stringify(body));
}

/** `/metrics`: for Prometheus, which presents the read token when the gateway has one. */
async function metrics(
  opts: HttpRoutesOptions,
  source: NonNullable<HttpRoutesOptions['metrics']>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return plain(res, 405, '/metrics takes GET\n');
  }
  const token = bearerToken(req.headers.authorization);
  if (!allowed(accessOf([token], opts.tokens ?? {}), 'read', token !== undefined, res)) return;
  const { contentType, body } = await source.scrape();
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
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
      ? [200, { status: 'ok', ...(opts.version !== undefined && { version: opts.version }) }]
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
