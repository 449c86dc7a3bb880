/**
 * Package benchmark: `npm pack` of this checkout installed from the tarball into an empty
 * folder (test/support/package.ts), then
 * - its footprint: everything under that folder's node_modules, as file bytes and as disk
 *   use (allocated blocks, what `du` counts), beside the dependencies the package had before
 *   the page's libraries moved to devDependencies, measured the same way in this checkout's
 *   node_modules;
 * - the cold start of `skewboard --version` (a new process each time), beside the checkout's
 *   `node src/gateway/bin.js --version` (the TypeScript through tsx) and `node -e ""` (Node's
 *   own start, the floor).
 *
 *   npx tsx test/bench/package.ts [out.json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, tempDir } from '../e2e/harness';
import { installTarball, MOVED_TO_DEV, packCheckout, userEnv } from '../support/package';
import { goal, goalTable, ms, ratio, table, writeResult } from './lib/report';
import { resources } from './lib/resources';
import { median, percentile } from './lib/stats';

const STARTS = 25;
const WARM_UP = 3;

interface Footprint {
  bytes: number;
  disk: number;
  files: number;
}

/** Files under `dir` (not following links), leaving out the folders `skip` names. */
function footprint(dir: string, skip: (path: string) => boolean = () => false): Footprint {
  const total: Footprint = { bytes: 0, disk: 0, files: 0 };
  const walk = (path: string) => {
    const stat = lstatSync(path);
    total.disk += stat.blocks * 512;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        const child = join(path, entry);
        if (!skip(child)) walk(child);
      }
    } else {
      total.bytes += stat.size;
      total.files++;
    }
  };
  walk(dir);
  return total;
}

/** The folder node would load `name` from when `from` requires it. */
function resolvePackage(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The packages `names` pull in from this checkout's node_modules, each counted once. */
function dependencyFootprint(names: readonly string[]): Footprint & { packages: number } {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = resolvePackage(dir, dep);
      if (found) visit(found);
    }
  };
  for (const name of names) {
    const found = resolvePackage(ROOT, name);
    if (!found) throw new Error(`${name} is not in node_modules: run npm install`);
    visit(found);
  }
  const total = { bytes: 0, disk: 0, files: 0, packages: seen.size };
  for (const dir of seen) {
    // a package's own node_modules holds other packages, counted on their own
    const own = footprint(dir, (path) => path === join(dir, 'node_modules'));
    total.bytes += own.bytes;
    total.disk += own.disk;
    total.files += own.files;
  }
  return total;
}

type Start = { command: string; args: readonly string[]; cwd: string };

/** One new process's wall time, from spawn to exit. */
function timeStart({ command, args, cwd }: Start): number {
  const t0 = performance.now();
  const ran = spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8' });
  const took = performance.now() - t0;
  if (ran.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${ran.stderr}`);
  return took;
}

/**
 * Wall times of `STARTS` new processes of each, after `WARM_UP` untimed rounds; interleaved,
 * so a change in the machine's load falls on all of them alike.
 */
function starts<K extends string>(commands: Record<K, Start>): Record<K, number[]> {
  const names = Object.keys(commands) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < WARM_UP + STARTS; round++) {
    for (const name of names) {
      const took = timeStart(commands[name]);
      if (round >= WARM_UP) times[name].push(took);
    }
  }
  return times;
}

const held = resources('package', 30 * 60_000);
const scratch = held.hold(await tempDir(), (d) => d.remove());
let installed: Footprint;
let before: Footprint & { packages: number };
let tarballBytes: number;
let cold: { installed: number[]; checkout: number[]; node: number[] };
try {
  console.log('packing the checkout and installing the tarball…');
  const tarball = await packCheckout(scratch.path);
  tarballBytes = lstatSync(tarball).size;
  const project = join(scratch.path, 'project');
  await mkdir(project);
  await installTarball(tarball, project);
  installed = footprint(join(project, 'node_modules'));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  before = dependencyFootprint([...Object.keys(manifest.dependencies), ...MOVED_TO_DEV]);

  console.log(`starting --version ${STARTS} times each…`);
  cold = starts({
    installed: {
      command: join(project, 'node_modules', '.bin', 'skewboard'),
      args: ['--version'],
      cwd: project,
    },
    checkout: {
      command: process.execPath,
      args: [join(ROOT, 'src', 'gateway', 'bin.js'), '--version'],
      cwd: ROOT,
    },
    node: { command: process.execPath, args: ['-e', ''], cwd: ROOT },
  });
} finally {
  await held.close();
}

// decimal megabytes, as npm's "unpacked size" and the 76 MB count them
const MB = 1e6;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
console.log(
  table([
    ['node_modules', 'file bytes', 'disk use', 'files'],
    ['the tarball installed', mb(installed.bytes), mb(installed.disk), String(installed.files)],
    [
      `before: its dependencies with the page's libraries and tsx (${before.packages} packages)`,
      mb(before.bytes),
      mb(before.disk),
      String(before.files),
    ],
  ]),
);
console.log(`tarball: ${mb(tarballBytes)}\n`);
const row = (name: string, xs: number[]) => [name, ms(median(xs)), ms(percentile(xs, 90))];
console.log(
  table([
    ['--version, a new process each time', 'median', 'p90'],
    row('skewboard --version (installed, lib/)', cold.installed),
    row('node src/gateway/bin.js --version (checkout, tsx)', cold.checkout),
    row('node -e "" (Node alone)', cold.node),
  ]),
);
const started = median(cold.installed);
const goals = [
  goal(
    'installed node_modules, file bytes',
    '<= 20 MB',
    `${mb(installed.bytes)} (before: ${mb(before.bytes)}; disk use ${mb(installed.disk)})`,
    installed.bytes <= 20 * MB,
  ),
  goal(
    'skewboard --version cold start, median',
    '<= 300 ms',
    `${ms(started)} (Node alone ${ms(median(cold.node))}; checkout via tsx ${ratio(median(cold.checkout) / started)} slower)`,
    started <= 300,
  ),
];
console.log(`\n${goalTable(goals)}`);
writeResult({
  benchmark: 'package',
  figures: {
    tarballBytes,
    installed,
    before,
    coldStartMs: {
      installed: { median: started, p90: percentile(cold.installed, 90) },
      checkout: { median: median(cold.checkout), p90: percentile(cold.checkout, 90) },
      node: { median: median(cold.node), p90: percentile(cold.node, 90) },
    },
  },
  goals,
});
