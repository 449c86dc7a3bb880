/**
 * What every benchmark prints and writes: a table of figures, each beside its peer and goal,
 * and the JSON that `npm run bench` gathers into bench-results.json.
 */
import { writeFileSync } from 'node:fs';

/** One goal judged against a measured figure. */
export interface Goal {
  name: string;
  /** the goal as written, e.g. "<= 5 ms" */
  goal: string;
  /** the figure as printed */
  measured: string;
  pass: boolean;
}

export const goal = (name: string, goalText: string, measured: string, pass: boolean): Goal => ({
  name,
  goal: goalText,
  measured,
  pass,
});

/** Columns padded to their widest cell, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (cell ?? '').padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function goalTable(goals: readonly Goal[]): string {
  const rows = [['goal', 'target', 'measured', 'verdict']];
  for (const g of goals) rows.push([g.name, g.goal, g.measured, g.pass ? 'PASS' : 'MISS']);
  return table(rows);
}

/** Milliseconds with sensible precision for a table. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (x < 1) return `${x.toFixed(3)} ms`;
  if (x < 100) return `${x.toFixed(2)} ms`;
  return `${Math.round(x)} ms`;
}

export const ratio = (x: number) =>
  Number.isFinite(x) ? `${x >= 100 ? Math.round(x) : x.toFixed(1)}x` : '-';

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The output path: the last argument, as test/bench/run.js passes it. */
export function outPath(argv: readonly string[] = process.argv.slice(2)): string | undefined {
  const last = argv.at(-1);
  return last !== undefined && last.endsWith('.json') ? last : undefined;
}

/** Writes the figures where run.js asked, or prints them as the last line. */
export function writeResult(result: object, out = outPath()): void {
  const text = JSON.stringify(result, null, 2) + '\n';
  if (out) writeFileSync(out, text);
  else console.log(JSON.stringify(result));
}
