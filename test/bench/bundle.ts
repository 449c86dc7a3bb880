/**
 * Bundle-size benchmark: `vite build` with the project's config into a temporary folder, each
 * JS asset gzipped; the initial JS is what index.html loads before anything else (its entry
 * script and the chunks it modulepreloads), the rest loads on demand.
 *
 *   npx tsx test/bench/bundle.ts [out.json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from './lib/app-build';
import { resources } from './lib/resources';
import { goal, goalTable, kib, table, writeResult } from './lib/report';

const held = resources('bundle', 3 * 60_000);
const app = held.hold(await buildApp({ minify: true }), (a) => a.remove());
let assets: { file: string; bytes: number; gzip: number; initial: boolean }[];
let css: { file: string; bytes: number; gzip: number }[];
try {
  const html = readFileSync(join(app.dir, 'index.html'), 'utf8');
  const linked = new Set(
    [
      ...html.matchAll(
        /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g,
      ),
    ].map((m) => m[1]!),
  );
  const files = readdirSync(join(app.dir, 'assets')).map((f) => `assets/${f}`);
  const sized = (file: string) => {
    const bytes = readFileSync(join(app.dir, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  assets = files
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ ...sized(f), initial: linked.has(f) }));
  css = files.filter((f) => f.endsWith('.css')).map(sized);
} finally {
  await held.close();
}

const sum = (xs: { bytes: number; gzip: number }[]) => ({
  bytes: xs.reduce((n, x) => n + x.bytes, 0),
  gzip: xs.reduce((n, x) => n + x.gzip, 0),
});
const initial = sum(assets.filter((a) => a.initial));
const total = sum(assets);
const rows = [['asset', 'loads', 'raw', 'gzip -9']];
for (const a of [...assets].sort((x, y) => y.gzip - x.gzip)) {
  rows.push([
    a.file.replace(/-[\w-]{8}\.js$/, '.js'),
    a.initial ? 'initial' : 'on demand',
    kib(a.bytes),
    kib(a.gzip),
  ]);
}
for (const c of css)
  rows.push([
    c.file.replace(/-[\w-]{8}\.css$/, '.css'),
    'initial (CSS)',
    kib(c.bytes),
    kib(c.gzip),
  ]);
rows.push(['initial JS', '', kib(initial.bytes), kib(initial.gzip)]);
rows.push(['all JS', '', kib(total.bytes), kib(total.gzip)]);
console.log(table(rows));
const goals = [
  goal('initial JS, gzipped', '< 200 KiB', kib(initial.gzip), initial.gzip < 200 * 1024),
];
console.log(goalTable(goals));
writeResult({ benchmark: 'bundle', figures: { initial, total, assets, css }, goals });
