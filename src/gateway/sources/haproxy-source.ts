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
} from '../../core/sources/haproxy-stats';
import { describeFetchError, pollingSource } from './polling-source';
import type { Source } from './source';

export interface HaproxySourceOptions {
  /** the stats CSV, e.g. http://lb:8404/stats;csv, without credentials */
  url: string;
  /** `hello.source`, e.g. `haproxy:http://lb:8404/stats;csv` */
  name: string;
  /** an `Authorization` header for a stats page behind `stats auth` (see core/sources/source-auth) */
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
    throw new Error(describeFetchError(err), { cause: err });
  }
  // stamped when the figures arrived: the end of the interval they close
  const t = Date.now();
  return { t, rows: parseStatsCsv(text) };
}

export function haproxySource(opts: HaproxySourceOptions): Source {
  return pollingSource({
    name: opts.name,
    intervalMs: opts.intervalMs ?? DEFAULT_HAPROXY_INTERVAL_MS,
    // the timeout only guards against a read that hangs; a slow one merely delays the next
    read: (timeoutMs) => readStats(opts.url, Math.max(timeoutMs, 5000), opts.headers),
    servers: (now) => statsServers(now.rows),
    frame: statsFrame,
    latency: STATS_LATENCY,
    warn: opts.warn ?? ((m: string) => console.error(`skewboard: ${m}`)),
  });
}
