/**
 * A live HAProxy as a gateway source: reads its stats CSV every interval and sends the
 * difference between consecutive reads as a frame. Real time only: there is nothing to speed up.
 */
import {
  parseStatsCsv,
  STATS_LATENCY,
  statsFrame,
  statsServers,
  type StatsSnapshot,
} from '../../core/haproxy-stats';
import { pace } from './paced';
import type { Source, SourceSink } from './source';

export interface HaproxySourceOptions {
  /** the stats CSV, e.g. http://lb:8404/stats;csv, without credentials */
  url: string;
  /** an `Authorization` header for a stats page behind `stats auth` (see core/source-auth) */
  headers?: Record<string, string>;
  /** between reads; default 5 s */
  intervalMs?: number;
  /** where an unreachable or garbled HAProxy is reported; default stderr */
  warn?: (message: string) => void;
}

export const DEFAULT_HAPROXY_INTERVAL_MS = 5000;

/** Fetches and parses the stats CSV once; throws an Error saying what went wrong (not the URL). */
export async function readStats(
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<StatsSnapshot> {
  let text: string;
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    text = await response.text();
  } catch (err) {
    throw new Error(describe(err), { cause: err });
  }
  // stamped when the figures arrived: the end of the interval they close
  const t = Date.now();
  return { t, rows: parseStatsCsv(text) };
}

// fetch says only "fetch failed"; the reason (ECONNREFUSED, a bad URL) is in its cause
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `no answer within the timeout (${err.message})`;
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return cause && cause !== err.message ? `${err.message} (${cause})` : err.message;
}

export function haproxySource(opts: HaproxySourceOptions): Source {
  const intervalMs = opts.intervalMs ?? DEFAULT_HAPROXY_INTERVAL_MS;
  const warn = opts.warn ?? ((m: string) => console.error(`skewboard: ${m}`));
  const source = `haproxy:${opts.url}`;
  let stopPacing: (() => void) | undefined;
  let stopped = false;
  let last: StatsSnapshot | undefined;
  let announced = '';
  let polling = false;
  let failing: string | undefined;

  async function poll(sink: SourceSink): Promise<void> {
    // a slow HAProxy must not pile reads up behind each other
    if (polling) return;
    polling = true;
    try {
      // the timeout only guards against a read that hangs; a slow one merely delays the next
      const now = await readStats(opts.url, Math.max(intervalMs, 5000), opts.headers);
      if (stopped) return;
      if (failing !== undefined) warn(`haproxy source: ${opts.url} answers again`);
      failing = undefined;
      const servers = statsServers(now.rows);
      // a new or removed server, or a changed weight, is a new server list
      const key = JSON.stringify(servers);
      if (key !== announced) {
        announced = key;
        sink.info({ source, mode: 'live', intervalMs, servers, latency: STATS_LATENCY });
      }
      // the wall clock can step back; such a read only starts the next interval
      if (last && now.t > last.t) sink.frame(statsFrame(last, now));
      last = now;
    } catch (err) {
      const problem = err instanceof Error ? err.message : String(err);
      // once per kind of failure, not once per interval
      if (problem !== failing) {
        warn(`haproxy source: ${opts.url}: ${problem}; trying again every ${intervalMs} ms`);
      }
      failing = problem;
    } finally {
      polling = false;
    }
  }

  return {
    start(sink: SourceSink) {
      // say who we are before HAProxy has answered, so viewers see the source, not "none"
      sink.info({ source, mode: 'live', intervalMs, servers: [], latency: STATS_LATENCY });
      void poll(sink);
      stopPacing = pace(intervalMs, () => void poll(sink));
    },
    stop() {
      stopped = true;
      stopPacing?.();
    },
  };
}
