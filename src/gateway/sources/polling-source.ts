/**
 * What every source that reads a live system shares (HAProxy's stats page, Prometheus): a read
 * every interval, never two at once; the difference between consecutive reads sent as a frame;
 * the server list announced whenever it changes; and a system that stops answering said once,
 * retried with backoff, and said again once when it is back.
 */
import type { ServerInfo } from '../../core/protocol/protocol';
import { pace } from './paced';
import type { Source, SourceFrame, SourceInfo, SourceSink } from './source';

/** One read of the live system, stamped with when its figures were taken (ms). */
export interface Reading {
  t: number;
}

export interface PollingSourceOptions<R extends Reading> {
  /** `hello.source`, e.g. `prometheus:http://prometheus:9090`; never with credentials */
  name: string;
  intervalMs: number;
  /** reads the system once, giving up after `timeoutMs`; throws an Error saying what failed */
  read(timeoutMs: number): Promise<R>;
  servers(reading: R): ServerInfo[];
  /** what happened between two reads, `before.t < after.t` */
  frame(before: R, after: R): SourceFrame;
  /** after each read: what the system answers that leaves the page empty, if anything */
  notice?: () => string | undefined;
  /** what the system's latency figures are (`hello.latency`); absent: quantiles */
  latency?: SourceInfo['latency'];
  warn: (message: string) => void;
}

/**
 * The longest a failing system waits between tries: it spares a struggling Prometheus three
 * reads in four, and still notices within four intervals that it is back.
 */
export const maxBackoffMs = (intervalMs: number) => 4 * intervalMs;

/**
 * How long to wait after the `failures`-th failure in a row: the first is tried again at the
 * next tick, then each failure doubles the wait up to `maxBackoffMs`.
 */
export function backoffMs(intervalMs: number, failures: number): number {
  if (failures <= 1) return 0;
  return Math.min(intervalMs * 2 ** (failures - 1), maxBackoffMs(intervalMs));
}

export function pollingSource<R extends Reading>(opts: PollingSourceOptions<R>): Source {
  const { name, intervalMs, warn } = opts;
  // a read that outlasts its interval is given up, so the next one starts on time
  const timeoutMs = Math.max(intervalMs, 1000);
  let stopPacing: (() => void) | undefined;
  let stopped = false;
  let last: R | undefined;
  let announced = '';
  let polling = false;
  let failing: string | undefined;
  let failures = 0;
  let nextTryAt = 0;

  const announce = (sink: SourceSink, servers: ServerInfo[]) =>
    sink.info({
      source: name,
      mode: 'live',
      intervalMs,
      servers,
      ...(opts.latency !== undefined && { latency: opts.latency }),
    });

  // a single failed read (a Prometheus restarting, a dropped connection) is tried once more
  // within the interval, so one blip does not cost a frame
  async function readOnce(): Promise<R> {
    const started = Date.now();
    try {
      return await opts.read(timeoutMs);
    } catch (err) {
      const pause = Math.min(intervalMs / 5, 1000);
      if (stopped || Date.now() - started + pause >= intervalMs) throw err;
      await new Promise((r) => setTimeout(r, pause));
      return await opts.read(Math.max(intervalMs - (Date.now() - started), 100));
    }
  }

  async function poll(sink: SourceSink): Promise<void> {
    // a slow system must not pile reads up behind each other
    if (polling || stopped || Date.now() < nextTryAt) return;
    polling = true;
    try {
      const now = await readOnce();
      if (stopped) return;
      if (failing !== undefined) warn(`${name} answers again`);
      failing = undefined;
      failures = 0;
      const notice = opts.notice?.();
      sink.state?.({ kind: 'ok', ...(notice !== undefined && { notice }) });
      const servers = opts.servers(now);
      // a new or removed server, or a changed weight, is a new server list
      const key = JSON.stringify(servers);
      if (key !== announced) {
        announced = key;
        announce(sink, servers);
      }
      // the wall clock can step back; such a read only starts the next interval
      if (last && now.t > last.t) sink.frame(opts.frame(last, now));
      last = now;
    } catch (err) {
      if (stopped) return;
      const problem = err instanceof Error ? err.message : String(err);
      failures++;
      const waitMs = backoffMs(intervalMs, failures);
      nextTryAt = Date.now() + waitMs;
      // once per kind of failure, not once per interval
      if (problem !== failing) {
        const retry =
          `trying again every ${intervalMs} ms, backing off to every ` +
          `${maxBackoffMs(intervalMs)} ms while it fails`;
        warn(`${name}: ${problem}; ${retry}`);
      }
      failing = problem;
      sink.state?.({ kind: 'failing', problem });
    } finally {
      polling = false;
    }
  }

  return {
    start(sink: SourceSink) {
      // say who we are before the system has answered, so viewers see the source, not "none"
      announce(sink, []);
      void poll(sink);
      stopPacing = pace(intervalMs, () => void poll(sink));
    },
    stop() {
      stopped = true;
      stopPacing?.();
    },
  };
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a bad URL) is in its cause */
export function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `no answer within the timeout (${err.message})`;
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return cause && cause !== err.message ? `${err.message} (${cause})` : err.message;
}
