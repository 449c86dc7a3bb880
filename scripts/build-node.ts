/**
 * `npm run build:node`: the gateway, the core and the simulator's scenarios compiled to plain
 * JavaScript in lib/, for the package (`prepack` runs it). A checkout never needs it: there
 * the `skewboard` command runs the TypeScript through tsx.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'lib');

// chunk names carry a hash: a chunk left from an older build would ship unused
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'gateway', 'cli.ts')],
  outdir,
  bundle: true,
  // one chunk per lazily loaded command, so `--version` does not load the gateway's libraries
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // the dependencies stay in node_modules, installed with the package (package.json's own)
  packages: 'external',
  logLevel: 'warning',
});
