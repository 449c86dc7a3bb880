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
} from '../../core/prometheus/poll-frame';
import { emptyQueryWarning, presetQueries, type PromPreset } from '../../core/prometheus/presets';
import { parseInstantVector } from '../../core/prometheus/query-result';
import { pace } from './paced';
import type { Source, SourceSink } from './source';

export interface PrometheusSourceOptions {
  /** Prometheus' base URL, e.g. http://prometheus:9090, without credentials */
  url: string;
  /** an `Authorization` header for a Prometheus behind auth (see core/source-auth) */
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
    throw new Error(describe(err), { cause: err });
  }
  return parseInstantVector(body);
}

// fetch says only "fetch failed"; the reason (ECONNREFUSED, a bad URL) is in its cause
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `no answer within the timeout (${err.message})`;
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return cause && cause !== err.message ? `${err.message} (${cause})` : err.message;
}

export function prometheusSource(opts: PrometheusSourceOptions): Source {
  const intervalMs = opts.intervalMs ?? DEFAULT_PROMETHEUS_INTERVAL_MS;
  // a poll that outlasts its interval is given up, so the next one starts on time
  const timeoutMs = Math.max(intervalMs, 1000);
  const warn = opts.warn ?? ((m: string) => console.error(`skewboard: ${m}`));
  const source = `prometheus:${opts.url}`;
  const queries = presetQueries(opts.preset);
  const toldEmpty = new Set<string>();
  // per query: when it first came back empty, and how many polls since
  const emptySince = new Map<string, { t: number; polls: number }>();
  let stopPacing: (() => void) | undefined;
  let stopped = false;
  let last: PollReading | undefined;
  let announced = '';
  let polling = false;
  let failing: string | undefined;

  async function poll(sink: SourceSink): Promise<void> {
    // a slow Prometheus must not pile polls up behind each other
    if (polling) return;
    polling = true;
    try {
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
      if (stopped) return;
      if (failing !== undefined) warn(`prometheus source: ${opts.url} answers again`);
      failing = undefined;
      const answers: PollAnswers = Object.fromEntries(results);
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
        // once per query: an exporter without 5xx series stays so, and a warning every
        // interval would bury everything else
        const since = emptySince.get(name)!;
        const longEnough =
          since.polls >= EMPTY_POLLS_BEFORE_WARNING && t - since.t >= EMPTY_FOR_MS_BEFORE_WARNING;
        if (toldEmpty.has(name) || !longEnough) continue;
        toldEmpty.add(name);
        warn(emptyQueryWarning(opts.preset, name));
      }
      const now = pollReading(opts.preset, t, answers);
      const servers = pollServers(now);
      // a new or removed server, or a changed weight, is a new server list
      const key = JSON.stringify(servers);
      if (key !== announced) {
        announced = key;
        sink.info({ source, mode: 'live', intervalMs, servers });
      }
      // the wall clock can step back; such a poll only starts the next interval
      if (last && now.t > last.t) sink.frame(pollFrame(last, now));
      last = now;
    } catch (err) {
      const problem = err instanceof Error ? err.message : String(err);
      // once per kind of failure, not once per interval
      if (problem !== failing) {
        warn(`prometheus source: ${opts.url}: ${problem}; trying again every ${intervalMs} ms`);
      }
      failing = problem;
    } finally {
      polling = false;
    }
  }

  return {
    start(sink: SourceSink) {
      // say who we are before Prometheus has answered, so viewers see the source, not "none"
      sink.info({ source, mode: 'live', intervalMs, servers: [] });
      void poll(sink);
      stopPacing = pace(intervalMs, () => void poll(sink));
    },
    stop() {
      stopped = true;
      stopPacing?.();
    },
  };
}
