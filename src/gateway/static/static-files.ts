/**
 * Serves the built SPA from dist/ with sirv: a file by its path (the gzip or brotli copy the
 * build wrote beside it when the browser accepts one), ETag and 304, hashed assets cached for
 * good. Only a page navigation (a path with no file extension) gets index.html, so a missing
 * script or an unknown `/api/...` is a 404, never the page.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { plain } from '../plain-response';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** hashed names change with their contents, so a browser may keep them for ever */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** how often a miss may make the handler look at dist/ again (a build after the start) */
const RESCAN_MS = 1000;

export function staticFiles(root: string): StaticHandler {
  const base = resolve(root);
  let files = scan(base);
  let scannedAt = Date.now();
  const rescan = (force = false) => {
    if (!force && Date.now() - scannedAt < RESCAN_MS) return false;
    files = scan(base);
    scannedAt = Date.now();
    return true;
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return plain(res, 405, 'the page takes GET\n');
    }
    dropBadRange(req);
    const path = pathOf(req.url);
    const page = () => {
      if (!existsSync(join(base, 'index.html'))) {
        return plain(
          res,
          503,
          'The page is not built: run `npm run build` (or `npm start`), then reload.\n',
        );
      }
      req.url = '/index.html';
      // index.html is on disk: a handler that misses it was made before the build
      files(req, res, () => rescan(true) && files(req, res, () => notFound(res, path)));
    };
    files(req, res, () => {
      if (isNavigation(path)) return page();
      // a file built after the gateway started
      if (rescan()) return files(req, res, () => notFound(res, path));
      notFound(res, path);
    });
  };
}

type FileHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** dist/ not built yet (or being rebuilt): no files, so every request falls through */
const NOTHING_BUILT: FileHandler = (_req, _res, next) => next();

/** sirv lists the folder as it starts and throws if there is none: a gateway starts unbuilt */
function scan(base: string): FileHandler {
  try {
    return existsSync(base) ? sirvOf(base) : NOTHING_BUILT;
  } catch {
    return NOTHING_BUILT;
  }
}

function sirvOf(base: string): FileHandler {
  return sirv(base, {
    etag: true,
    gzip: true,
    brotli: true,
    extensions: [],
    setHeaders(res, pathname) {
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
      if (pathname.endsWith('.ndjson')) res.setHeader('content-type', 'application/x-ndjson');
      // a file that is itself gzip (a sample recording) goes as it is: the page reads its
      // size and unpacks it, rather than the browser unpacking it on the way
      if (pathname.endsWith('.gz')) {
        res.setHeader('content-type', 'application/gzip');
        res.setHeader('content-encoding', 'identity');
      }
    },
  });
}

const notFound = (res: ServerResponse, path: string) =>
  plain(res, 404, `no file at ${JSON.stringify(path.slice(0, 200))}\n`);

/** The path of a request URL, undecoded; never throws. */
function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  return query < 0 ? raw : raw.slice(0, query);
}

/** the gateway's own paths, now or later: a typo in one is a 404, never the page */
const RESERVED = ['/api', '/healthz', '/readyz', '/metrics', '/socket.io'];

/** A path the browser navigates to (the app and its URL parameters), not a file it fetches. */
function isNavigation(path: string): boolean {
  if (RESERVED.some((r) => path === r || path.startsWith(`${r}/`) || path.startsWith(`${r}.`)))
    return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * sirv reads `Range` loosely and hands a reversed one to the file stream, which throws; a
 * server may ignore a range, so anything but one plain `bytes=a-b` with a <= b is dropped.
 */
function dropBadRange(req: IncomingMessage): void {
  const range = req.headers.range;
  if (range === undefined) return;
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range);
  const ok = match !== null && (match[2] === '' || Number(match[1]) <= Number(match[2]));
  if (!ok) delete req.headers.range;
}
