/**
 * Sends items one at a time, in order, retrying the first with growing waits until it goes
 * through. The queue is bounded (the oldest item goes when it is full, and is counted), so an
 * unreachable receiver costs memory up to a limit and never holds up the caller: `push`
 * returns at once. An outage is logged once when it starts and once when it ends.
 */
import type { Logger } from '../ops/logger';

export interface RetryQueueOptions<T> {
  /** how the log names the receiver, e.g. `alertmanager http://am:9093` */
  name: string;
  send: (item: T) => Promise<void>;
  log: Logger;
  /** items held at most; default 1,000 */
  maxItems?: number;
  /** the first wait after a failure, doubled up to `maxWaitMs`; default 1 s and 60 s */
  firstWaitMs?: number;
  maxWaitMs?: number;
}

export interface RetryQueueStats {
  queued: number;
  sent: number;
  /** attempts that failed (an item retried three times counts three) */
  failed: number;
  /** items dropped, oldest first, because the queue was full */
  dropped: number;
}

export interface RetryQueue<T> {
  push(item: T): void;
  /** nothing left to send and nothing on its way */
  idle(): boolean;
  stats(): RetryQueueStats;
  stop(): void;
}

export function createRetryQueue<T>(opts: RetryQueueOptions<T>): RetryQueue<T> {
  const maxItems = opts.maxItems ?? 1000;
  const firstWaitMs = opts.firstWaitMs ?? 1000;
  const maxWaitMs = opts.maxWaitMs ?? 60_000;
  /** waiting, oldest first; the one being sent (and retried) is `current` */
  const items: T[] = [];
  let current: { item: T } | undefined;
  const stats = { sent: 0, failed: 0, dropped: 0 };
  let sending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitMs = firstWaitMs;
  let outageFailures = 0;
  let stopped = false;

  const pump = async () => {
    if (sending || stopped || timer) return;
    if (!current && items.length > 0) current = { item: items.shift()! };
    if (!current) return;
    sending = true;
    try {
      await opts.send(current.item);
      current = undefined;
      stats.sent++;
      if (outageFailures > 0) {
        opts.log.info(`${opts.name}: delivering again after ${outageFailures} failed attempts`, {
          receiver: opts.name,
          failedAttempts: outageFailures,
        });
      }
      outageFailures = 0;
      waitMs = firstWaitMs;
    } catch (err) {
      stats.failed++;
      if (outageFailures++ === 0) {
        const why = err instanceof Error ? err.message : String(err);
        opts.log.warn(`${opts.name}: cannot deliver (${why}); retrying with backoff`, {
          receiver: opts.name,
          error: why,
          queued: items.length + 1,
        });
      }
      timer = setTimeout(() => {
        timer = undefined;
        void pump();
      }, waitMs);
      timer.unref();
      waitMs = Math.min(waitMs * 2, maxWaitMs);
    } finally {
      sending = false;
    }
    void pump();
  };

  return {
    push(item) {
      if (stopped) return;
      items.push(item);
      if (items.length > maxItems) {
        items.shift();
        stats.dropped++;
      }
      void pump();
    },
    idle: () => items.length === 0 && !current,
    stats: () => ({ queued: items.length + (current ? 1 : 0), ...stats }),
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
