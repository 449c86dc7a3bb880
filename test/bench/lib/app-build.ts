/**
 * The app as it ships: `vite build` with the project's own config into a temporary folder
 * (dist/ is left alone: others may be testing against it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../e2e/harness';

export interface AppBuild {
  dir: string;
  remove(): Promise<void>;
}

/** `minify: false` keeps function names for CPU profiles; the code is otherwise the same. */
export async function buildApp(opts: { minify: boolean }): Promise<AppBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'skewboard-bench-app-'));
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const args = ['build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'];
  if (!opts.minify) args.push('--minify', 'false');
  const run = spawnSync(vite, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}${run.stderr}`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
