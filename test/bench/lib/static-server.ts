/**
 * A tiny static file server on 127.0.0.1 for bench pages and recordings: a folder, plus
 * named files from elsewhere. Sends Content-Length, so a page can show load progress.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ndjson': 'application/x-ndjson',
  '.gz': 'application/gzip',
};

export interface StaticServer {
  /** ends in a slash */
  url: string;
  close(): Promise<void>;
}

export interface StaticOptions {
  /** URL path -> file, served beside the folder */
  files?: Record<string, string>;
  /**
   * cross-origin isolated, so performance.now() counts in 5 us steps rather than 100 us;
   * off for the app, which talks to a gateway on another port as it would in production
   */
  isolated?: boolean;
}

/** Serves `dir`, and each URL path in `files` from the file it names. */
export async function serveStatic(dir: string, opts: StaticOptions = {}): Promise<StaticServer> {
  const files = opts.files ?? {};
  const isolation = opts.isolated
    ? {
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      }
    : {};
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inDir = normalize(join(dir, path === '/' ? 'index.html' : path));
    const wanted = files[path] ?? inDir;
    if (files[path] === undefined && !inDir.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(wanted).then(
      (s) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(wanted)] ?? 'application/octet-stream',
          'content-length': s.size,
          'cache-control': 'no-store',
          ...isolation,
        });
        createReadStream(wanted).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
