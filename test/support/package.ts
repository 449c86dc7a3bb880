/**
 * The package as a user gets it: `npm pack` of this checkout, installed with npm into a folder
 * of its own. Shared by the package test and the package benchmark.
 *
 * The pack runs in a copy of the checkout: `prepack` builds the page into dist/ and the gateway
 * into lib/ (with the checkout's node_modules linked), and in the checkout that build would
 * replace the dist/ that the browser tests running beside it are serving. The copy then gets
 * the gateway's own libraries from the lockfile, which the package bundles.
 */
import { spawn } from 'node:child_process';
import { cp, readdir, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness';

/** What the copy leaves out: installed or built things, and what only this checkout holds. */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  'dist',
  'lib',
  'data',
  'test-results',
  'bench-results.json',
]);

/**
 * What package.json's dependencies held besides the gateway's own before the package: the
 * page's libraries (compiled into its scripts) and tsx (the checkout's runner).
 */
export const MOVED_TO_DEV: readonly string[] = [
  'react',
  'react-dom',
  'recharts',
  'zustand',
  'socket.io-client',
  'fflate',
  'tsx',
];

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a command run as a user would run it: without the `npm_*` settings an
 * enclosing `npm test` passes down (npm reads them as its own configuration) and without
 * NODE_PATH, so nothing is found in this checkout by accident.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toLowerCase().startsWith('npm_') && name !== 'NODE_PATH') env[name] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command to its end (killed after `timeoutMs`), keeping what it printed. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') {
        reject(new Error(`${command} ${args.join(' ')}: no end after ${options.timeoutMs} ms`));
      } else resolve({ status, stdout, stderr });
    });
  });
}

const must = (what: string, ran: Ran): Ran => {
  if (ran.status !== 0) {
    throw new Error(`${what} exited with ${ran.status}:\n${ran.stdout}\n${ran.stderr}`);
  }
  return ran;
};

/** `npm pack` of a copy of this checkout, made in `scratch`; the tarball's path. */
export async function packCheckout(scratch: string): Promise<string> {
  const copy = join(scratch, 'checkout');
  for (const entry of await readdir(ROOT)) {
    if (NOT_COPIED.has(entry) || entry.endsWith('.tgz')) continue;
    await cp(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  // prepack's build, with the checkout's tools
  const linked = join(copy, 'node_modules');
  await symlink(join(ROOT, 'node_modules'), linked, 'dir');
  must('npm run prepack', await run('npm', ['run', 'prepack'], { cwd: copy, timeoutMs: 600_000 }));
  // then the gateway's own libraries, installed for real from the lockfile: npm bundles what
  // a linked node_modules holds only one level deep (sirv, but not the totalist sirv needs)
  await rm(linked);
  must(
    'npm ci --omit=dev',
    await run(
      'npm',
      ['ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: copy, timeoutMs: 600_000 },
    ),
  );
  const packed = must(
    'npm pack',
    await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], {
      cwd: copy,
      timeoutMs: 600_000,
    }),
  );
  // prepack's own output comes first on stdout; the JSON report is the rest
  const start = packed.stdout.startsWith('[') ? 0 : packed.stdout.indexOf('\n[') + 1;
  const report = JSON.parse(packed.stdout.slice(start)) as {
    filename: string;
  }[];
  return join(scratch, report[0]!.filename);
}

/**
 * `npm install <tarball>` in `folder` (empty: npm makes its package.json), from no registry.
 * `--prefix` holds npm to the folder: without it npm installs into the nearest folder above
 * that has a package.json, if the temporary folder's parent happens to have one.
 */
export async function installTarball(tarball: string, folder: string): Promise<void> {
  must(
    'npm install',
    await run(
      'npm',
      ['install', '--prefix', folder, '--offline', '--no-audit', '--no-fund', tarball],
      { cwd: folder, timeoutMs: 600_000 },
    ),
  );
}

/** `npm install --global <tarball>` under `prefix` (its bin/ then holds `skewboard`). */
export async function installGlobally(tarball: string, prefix: string): Promise<void> {
  must(
    'npm install --global',
    await run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
      { cwd: prefix, timeoutMs: 600_000 },
    ),
  );
}
