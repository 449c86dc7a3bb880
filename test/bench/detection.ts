/**
 * Detection benchmark: plays every scenario of the suite through the detector and prints how
 * soon each expected alert fired (simulated seconds after its fault began), how soon it resolved
 * after the fault ended, and how many false alerts came out.
 *
 *   npx tsx test/bench/detection.ts [--seeds N] [out.json]
 *
 * With --seeds N each scenario is played with seeds 1..N and the delays are given as a range.
 * The figures go to out.json when given, else as JSON on the last line of stdout.
 */
import { writeFileSync } from 'node:fs';
import { playDetector } from '../../mocks/play-detector';
import { expectations } from '../../mocks/scenarios/expectations';
import { judge } from '../../mocks/scenarios/judge';

interface AlertFigures {
  rule: string;
  servers: string[];
  cause: string;
  /** simulated seconds from fault to firing, one per seed (null: it never fired) */
  delaySec: (number | null)[];
  /** simulated seconds from the fault's end to the resolution, one per seed */
  resolveSec: (number | null)[];
}

interface ScenarioFigures {
  scenario: string;
  frames: number;
  alerts: AlertFigures[];
  /** false alerts over all seeds */
  falseAlerts: number;
  problems: string[];
  ms: number;
}

function parseArgv(argv: string[]): { seeds: number[]; out?: string } {
  const i = argv.indexOf('--seeds');
  const n = i >= 0 ? Number(argv[i + 1]) : 0;
  if (i >= 0 && !(Number.isInteger(n) && n > 0))
    throw new Error('--seeds needs a whole number > 0');
  const rest = argv.filter((_, j) => i < 0 || (j !== i && j !== i + 1));
  // no --seeds: each scenario's own seed, the run the tests judge
  const seeds = n > 0 ? Array.from({ length: n }, (_, k) => k + 1) : [NaN];
  return { seeds, ...(rest[0] === undefined ? {} : { out: rest[0] }) };
}

function measure(seeds: number[]): ScenarioFigures[] {
  return expectations.map((x) => {
    const start = performance.now();
    const alerts: AlertFigures[] = x.alerts.map((a) => ({
      rule: a.rule,
      servers: a.servers,
      cause: a.cause,
      delaySec: [],
      resolveSec: [],
    }));
    let falseAlerts = 0;
    const problems: string[] = [];
    for (const seed of seeds) {
      const opts = Number.isNaN(seed) ? { frames: x.frames } : { frames: x.frames, seed };
      const v = judge(x, playDetector(x.scenario, opts));
      v.found.forEach((f, i) => {
        alerts[i]!.delaySec.push(f.delayMs === undefined ? null : f.delayMs / 1000);
        alerts[i]!.resolveSec.push(f.resolveDelayMs === undefined ? null : f.resolveDelayMs / 1000);
      });
      falseAlerts += v.falseAlerts.length;
      problems.push(...v.problems.map((p) => (Number.isNaN(seed) ? p : `seed ${seed}: ${p}`)));
    }
    const ms = Math.round(performance.now() - start);
    return { scenario: x.scenario.name, frames: x.frames, alerts, falseAlerts, problems, ms };
  });
}

const span = (xs: (number | null)[]) => {
  if (xs.every((x) => x === null)) return '-';
  if (xs.some((x) => x === null)) return 'missed';
  const ns = xs as number[];
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return lo === hi ? String(lo) : `${lo}..${hi}`;
};

function table(figures: ScenarioFigures[]): string {
  const rows = [['scenario', 'expected alert', 'cause', 'fired (s)', 'resolved (s)', 'false']];
  for (const f of figures) {
    const alerts = f.alerts.length > 0 ? f.alerts : [null];
    alerts.forEach((a, i) =>
      rows.push([
        i === 0 ? f.scenario : '',
        a
          ? `${a.rule} [${a.servers.length > 3 ? `${a.servers.length} servers` : a.servers.join(',')}]`
          : '(none)',
        a?.cause ?? '',
        a ? span(a.delaySec) : '',
        a ? span(a.resolveSec) : '',
        i === 0 ? String(f.falseAlerts) : '',
      ]),
    );
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const { seeds, out } = parseArgv(process.argv.slice(2));
const figures = measure(seeds);
console.log(table(figures));
const problems = figures.flatMap((f) => f.problems.map((p) => `${f.scenario}: ${p}`));
for (const p of problems) console.log(`! ${p}`);
const result = {
  benchmark: 'detection',
  seeds: Number.isNaN(seeds[0]!) ? 'scenario' : seeds.length,
  scenarios: figures,
  falseAlerts: figures.reduce((sum, f) => sum + f.falseAlerts, 0),
  problems: problems.length,
};
if (out) {
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(`figures written to ${out}`);
} else {
  console.log(JSON.stringify(result));
}
