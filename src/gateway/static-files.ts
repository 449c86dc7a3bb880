/**
 * Serves the built SPA from dist/: files by path, index.html for everything else, so a link
 * with URL parameters opens the app.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ndjson': 'application/x-ndjson',
  '.gz': 'application/gzip',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function staticFiles(root: string) {
  const base = resolve(root);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const wanted = normalize(join(base, decodeURIComponent(url.pathname)));
    // a path that climbs out of dist/ gets the app, never a file from elsewhere
    const inside = wanted === base || wanted.startsWith(base + sep);
    const page = join(base, 'index.html');
    // one look at each file: the one asked for, else the page
    let file = inside ? wanted : page;
    let size = await fileSize(file);
    if (size === undefined && file !== page) {
      file = page;
      size = await fileSize(file);
    }
    if (size === undefined) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The page is not built: run `npm run build` (or `npm start`), then reload.\n');
      return;
    }
    const hashed = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      // the page shows how much of a recording has come
      'content-length': size,
    });
    createReadStream(file).pipe(res);
  };
}

/** The size of the plain file at `path`; undefined when there is none (or it is a folder). */
async function fileSize(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}
