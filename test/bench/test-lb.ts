/**
 * test-lb benchmark: a 4-server HAProxy configuration (roundrobin, health checks) judged end to
 * end by `skewboard test-lb` as a pipeline runs it (the default 400 requests in each of the four
 * profiles), wall time from start to exit, the median of 3 runs. The peer, measured in the same
 * run on the same configuration: `haproxy -c`, the syntax check a pipeline runs today.
 *
 *   npx tsx test/bench/test-lb.ts [out.json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goal, goalTable, ms, table, writeResult } from './lib/report';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = 3;
const dir = mkdtempSync(join(tmpdir(), 'skewboard-bench-test-lb-'));
const config = join(dir, 'lb.cfg');
const servers = [1, 2, 3, 4].map((i) => `    server web${i} 127.0.0.1:${18_080 + i} check`);
// the peer needs addresses it can read without DNS; test-lb rewrites them to its stubs anyway
writeFileSync(
  config,
  [
    'defaults',
    '    mode http',
    '    timeout connect 5s',
    '    timeout client 30s',
    '    timeout server 30s',
    'frontend fe',
    '    bind 127.0.0.1:18080',
    '    default_backend web',
    'backend web',
    '    balance roundrobin',
    '    option httpchk GET /healthz',
    ...servers,
    '',
  ].join('\n'),
);

function timed(command: string, args: string[]): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  const took = performance.now() - start;
  if (run.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return took;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
let testLb: number[];
let peer: number[];
try {
  testLb = Array.from({ length: RUNS }, () =>
    timed(process.execPath, ['src/gateway/bin.js', 'test-lb', config]),
  );
  peer = Array.from({ length: RUNS }, () => timed('haproxy', ['-c', '-q', '-f', config]));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const [mine, theirs] = [median(testLb), median(peer)];
console.log(
  table([
    ['what', 'median wall time', 'runs'],
    [
      'skewboard test-lb, 4 servers, 4 profiles x 400 requests',
      ms(mine),
      testLb.map(ms).join(', '),
    ],
    ['peer: haproxy -c on the same configuration', ms(theirs), peer.map(ms).join(', ')],
  ]),
);
const goals = [goal('test-lb wall time, 4 servers', '<= 10 s', ms(mine), mine <= 10_000)];
console.log(goalTable(goals));
writeResult({ benchmark: 'test-lb', figures: { testLbMs: testLb, haproxyCheckMs: peer }, goals });
