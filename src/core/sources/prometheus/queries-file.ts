/**
 * `--queries FILE`: a person's own PromQL, read as strictly as the detector's config (an
 * unknown key is a typo, named), and turned into a preset the source polls like a built-in one.
 */
import * as T from '../../protocol/validate';
import type { PromPreset } from './presets';

// far beyond any PromQL a person writes by hand; a bigger one is the wrong file
const MAX_QUERY_LENGTH = 4000;

const promql = T.refine(T.boundedString(MAX_QUERY_LENGTH), (q) =>
  q.trim() === '' ? { path: '', problem: 'is empty' } : null,
);

// Prometheus' own rule for a label name; anchored, one pass, no backtracking
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const labelName = T.refine(T.boundedString(200), (name) =>
  LABEL_NAME.test(name) ? null : { path: '', problem: 'is not a Prometheus label name' },
);

const latency = T.refine(
  T.strictObject({
    /** one mean per server: shown as p50 = p95 = p99 */
    mean: T.optional(promql),
    p50: T.optional(promql),
    p95: T.optional(promql),
    p99: T.optional(promql),
    /** what the queries give; seconds, Prometheus' base unit, unless said */
    unit: T.optional(T.literal('seconds', 'milliseconds')),
  }),
  (l) => {
    const quantiles = [l.p50, l.p95, l.p99].filter((q) => q !== undefined).length;
    if (l.mean !== undefined && quantiles > 0) {
      return { path: 'mean', problem: 'is one or the other: mean, or p50, p95 and p99' };
    }
    if (l.mean === undefined && quantiles < 3) {
      const missing = (['p50', 'p95', 'p99'] as const).find((q) => l[q] === undefined)!;
      return { path: missing, problem: 'is missing: give mean, or all of p50, p95 and p99' };
    }
    return null;
  },
);

/** What the file holds: which labels name a server and its pool, and a query per figure. */
export const promQueriesFile = T.strictObject({
  serverLabel: labelName,
  poolLabel: labelName,
  /** a counter of requests per server */
  requests: promql,
  /** a counter of failed requests (5xx) per server */
  errors: T.optional(promql),
  /** the server's configured weight; without it every server weighs 1 */
  weight: T.optional(promql),
  /** 1 when the server is up, 0 when down */
  up: T.optional(promql),
  latency: T.optional(latency),
});

/**
 * The preset the file describes, named `name` in warnings; throws a ValidationError naming
 * the first key at fault (`latency.p59: unknown key; ...`).
 */
export function presetFromQueriesFile(value: unknown, name: string): PromPreset {
  const file = promQueriesFile.check(value);
  const { latency: l } = file;
  return {
    name,
    serverLabel: file.serverLabel,
    poolLabel: file.poolLabel,
    queries: {
      requests: file.requests,
      ...(file.errors !== undefined && { errors: file.errors }),
      ...(file.weight !== undefined && { weight: file.weight }),
      ...(file.up !== undefined && { up: file.up }),
      ...(l?.mean !== undefined && { latencyMean: l.mean }),
      ...(l?.p50 !== undefined && { latencyP50: l.p50, latencyP95: l.p95, latencyP99: l.p99 }),
    },
    latency: l === undefined ? 'none' : l.mean !== undefined ? 'mean' : 'quantiles',
    latencyUnit: l?.unit ?? 'seconds',
  };
}
