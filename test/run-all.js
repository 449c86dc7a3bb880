#!/usr/bin/env node
// `npm test`: every suite in turn (format, lint, types, unit tests, build, browser tests), then
// one line `N passed, N failed` over all of them. A skipped test counts as failed: nothing here
// is allowed to be skipped quietly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];

function run(cmd, args) {
  console.log(`\n$ ${[cmd.replace(`${root}/`, ''), ...args].join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status === 0;
}

/** a tool that passes or fails as a whole counts as one test */
function check(name, cmd, args) {
  const ok = run(cmd, args);
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

function vitest(project) {
  const out = join(results, `${project}.json`);
  rmSync(out, { force: true });
  run(bin('vitest'), [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
  if (!existsSync(out)) {
    totals.failed++;
    lines.push(`FAIL ${project}: vitest wrote no results`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // a file that fails to load has no tests to count, yet must fail the run
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'),
  ).length;
  const failed = r.numFailedTests + skipped + brokenFiles;
  totals.passed += r.numPassedTests;
  totals.failed += failed;
  lines.push(
    `${failed ? 'FAIL' : 'ok  '} ${project}: ${r.numPassedTests} passed, ${r.numFailedTests} failed` +
      (skipped ? `, ${skipped} skipped (counted as failed)` : '') +
      (brokenFiles ? `, ${brokenFiles} files failed to run` : ''),
  );
}

check('format (prettier)', bin('prettier'), ['--check', '.']);
check('lint (eslint)', bin('eslint'), ['.']);
check('types (tsc)', bin('tsc'), ['--noEmit', '-p', '.']);
vitest('unit');
if (check('build (vite)', bin('vite'), ['build', '--logLevel', 'warn'])) {
  vitest('e2e');
  // alone, after the rest: their goals are wall-clock figures
  vitest('e2e-timed');
} else lines.push('FAIL e2e: not run, the build failed');

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
