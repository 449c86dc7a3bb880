#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, each printing its own table; their figures are
// gathered into bench-results.json. A benchmark is a script that takes an output path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const BENCHES = [
  { name: 'detection', script: 'test/bench/detection.ts', args: ['--seeds', '5'] },
  // performance: each prints its figures beside a peer measured in the same run
  { name: 'heatmap', script: 'test/bench/heatmap.ts', args: [] },
  { name: 'ingest', script: 'test/bench/ingest.ts', args: [] },
  { name: 'live-page', script: 'test/bench/live-page.ts', args: [] },
  { name: 'big-fleet-page', script: 'test/bench/big-fleet-page.ts', args: [] },
  { name: 'notes-page', script: 'test/bench/notes-page.ts', args: [] },
  // a simulated week of a churning 500-server fleet: long (about an hour on two cores)
  { name: 'week-soak', script: 'test/bench/week-soak.ts', args: [] },
  { name: 'hostile-markdown', script: 'test/bench/hostile-markdown.ts', args: [] },
  { name: 'gateway-alerts', script: 'test/bench/gateway-alerts.ts', args: [] },
  { name: 'prometheus-poll', script: 'test/bench/prometheus-poll.ts', args: [] },
  { name: 'prometheus-skew-delay', script: 'test/bench/prometheus-skew-delay.ts', args: [] },
  { name: 'replay', script: 'test/bench/replay.ts', args: [] },
  { name: 'postmortem-draft', script: 'test/bench/postmortem-draft.ts', args: [] },
  { name: 'overview', script: 'test/bench/overview.ts', args: [] },
  { name: 'fanout', script: 'test/bench/fanout.ts', args: [] },
  { name: 'cluster', script: 'test/bench/cluster.ts', args: [] },
  { name: 'bundle', script: 'test/bench/bundle.ts', args: [] },
  { name: 'test-lb', script: 'test/bench/test-lb.ts', args: [] },
  // the tarball installed: its footprint and the cold start of `skewboard --version`
  { name: 'package', script: 'test/bench/package.ts', args: [] },
];
const only = process.argv.slice(2);

// the browser benchmarks open pages of the built app: build it as it stands
console.log('building the page (vite build)…');
if (
  spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  }).status !== 0
) {
  console.error('the build failed: no benchmark run');
  process.exit(1);
}
const scratch = mkdtempSync(join(tmpdir(), 'skewboard-bench-'));
const results = { ranAt: new Date().toISOString(), node: process.version, benches: {} };
let failed = 0;
for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
  const out = join(scratch, `${bench.name}.json`);
  console.log(`\n== ${bench.name} ==`);
  const run = spawnSync(tsx, [join(root, bench.script), ...bench.args, out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    failed++;
    console.error(`${bench.name}: exited with ${run.status}`);
    continue;
  }
  results.benches[bench.name] = JSON.parse(readFileSync(out, 'utf8'));
}
rmSync(scratch, { recursive: true, force: true });
writeFileSync(join(root, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nfigures written to bench-results.json');
process.exitCode = failed ? 1 : 0;
