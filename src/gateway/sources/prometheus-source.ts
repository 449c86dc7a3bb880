/**
 * Prometheus as a gateway source: asks a preset's queries every interval, all at one instant,
 * and sends the difference between consecutive polls as a frame. Real time only.
 */
import {
  emptyQueries,
  pollFrame,
  pollReading,
  pollServers,
  type PollAnswers,
  type PollReading,
} from '../../core/sources/prometheus/poll-frame';
import {
  emptyQueryWarning,
  presetLatency,
  presetQueries,
  type PromPreset,
} from '../../core/sources/prometheus/presets';
import { parseInstantVector } from '../../core/sources/prometheus/query-result';
import { describeFetchError, pollingSource } from './polling-source';
import type { Source } from './source';

export interface PrometheusSourceOptions {
  /** Prometheus' base URL, e.g. http://prometheus:9090, without credentials */
  url: string;
  /** `hello.source`, e.g. `prometheus:http://prometheus:9090` */
  name: string;
  /** an `Authorization` header for a Prometheus behind auth (see core/sources/source-auth) */
  headers?: Record<string, string>;
  preset: PromPreset;
  /** between polls; default 5 s */
  intervalMs?: number;
  /** where an unreachable Prometheus or an empty query is reported; default stderr */
  warn?: (message: string) => void;
}

export const DEFAULT_PROMETHEUS_INTERVAL_MS = 5000;

// a gateway started with (or before) Prometheus polls before its first scrape, which can come
// seconds after it is ready (its target discovery updates every 5 s): only a query empty for
// this long, over at least three polls, is worth a warning
const EMPTY_FOR_MS_BEFORE_WARNING = 15_000;
const EMPTY_POLLS_BEFORE_WARNING = 3;

/** One instant query at `t` (ms); throws an Error saying what went wrong (not the URL). */
export async function queryInstant(
  base: string,
  query: string,
  t: number,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<ReturnType<typeof parseInstantVector>> {
  const url = new URL('api/v1/query', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('query', query);
  url.searchParams.set('time', (t / 1000).toFixed(3));
  // Prometheus gives up too, so a query too heavy for it does not go on running there
  url.searchParams.set('timeout', `${timeoutMs}ms`);
  let body: unknown;
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    // a refused query answers 400 or 422 with a JSON error that says why
    const text = await response.text();
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.status} ${response.statusText}: not JSON`.trim());
    }
  } catch (err) {
    throw new Error(describeFetchError(err), { cause: err });
  }
  return parseInstantVector(body);
}

export function prometheusSource(opts: PrometheusSourceOptions): Source {
  const warn = opts.warn ?? ((m: string) => console.error(`skewboard: ${m}`));
  const queries = presetQueries(opts.preset);
  const toldEmpty = new Set<string>();
  // per query: when it first came back empty, and how many polls since
  const emptySince = new Map<string, { t: number; polls: number }>();

  // once per query: an exporter without 5xx series stays so, and a warning every interval
  // would bury everything else
  function warnOfEmptyQueries(t: number, answers: PollAnswers): void {
    const empty = new Set(emptyQueries(opts.preset, answers));
    for (const [name] of queries) {
      if (!empty.has(name)) emptySince.delete(name);
      else
        emptySince.set(name, {
          t: emptySince.get(name)?.t ?? t,
          polls: (emptySince.get(name)?.polls ?? 0) + 1,
        });
    }
    for (const name of empty) {
      const since = emptySince.get(name)!;
      const longEnough =
        since.polls >= EMPTY_POLLS_BEFORE_WARNING && t - since.t >= EMPTY_FOR_MS_BEFORE_WARNING;
      if (toldEmpty.has(name) || !longEnough) continue;
      toldEmpty.add(name);
      warn(emptyQueryWarning(opts.preset, name));
    }
  }

  async function read(timeoutMs: number): Promise<PollReading> {
    // every query at one instant, so the counters and gauges of a frame belong together
    const t = Date.now();
    const results = await Promise.all(
      queries.map(async ([name, q]) => {
        try {
          return [name, await queryInstant(opts.url, q, t, timeoutMs, opts.headers)] as const;
        } catch (err) {
          throw new Error(`${name} query: ${err instanceof Error ? err.message : String(err)}`, {
            cause: err,
          });
        }
      }),
    );
    const answers: PollAnswers = Object.fromEntries(results);
    warnOfEmptyQueries(t, answers);
    return pollReading(opts.preset, t, answers);
  }

  return pollingSource({
    name: opts.name,
    intervalMs: opts.intervalMs ?? DEFAULT_PROMETHEUS_INTERVAL_MS,
    read,
    // an empty requests query is an empty fleet: the page says why instead of showing nothing
    notice: () =>
      toldEmpty.has('requests') && emptySince.has('requests')
        ? emptyQueryWarning(opts.preset, 'requests')
        : undefined,
    servers: pollServers,
    frame: pollFrame,
    latency: presetLatency(opts.preset),
    warn,
  });
}
