import { describe, expect, it } from 'vitest';
import { createLogger } from '../ops/logger';
import { createRetryQueue } from './retry-queue';

/** Resolves once `check` holds, polling; fails after a deadline. */
async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function logged() {
  const lines: string[] = [];
  const log = createLogger({
    format: 'text',
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { lines, log };
}

describe('the retry queue', () => {
  it('sends in order, one at a time', async () => {
    const sent: number[] = [];
    let inFlight = 0;
    let most = 0;
    const q = createRetryQueue<number>({
      name: 'test',
      log: logged().log,
      send: async (n) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 2));
        sent.push(n);
        inFlight--;
      },
    });
    for (let i = 0; i < 10; i++) q.push(i);
    await until(() => q.idle());
    expect(sent).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(1);
    expect(q.stats()).toEqual({ queued: 0, sent: 10, failed: 0, dropped: 0 });
  });

  it('retries the first item until it goes, logging the outage once and its end once', async () => {
    const { lines, log } = logged();
    let down = 4;
    const sent: string[] = [];
    const q = createRetryQueue<string>({
      name: 'webhook http://127.0.0.1:9/hook',
      log,
      firstWaitMs: 1,
      maxWaitMs: 4,
      send: async (item) => {
        if (down-- > 0) throw new Error('ECONNREFUSED');
        sent.push(item);
      },
    });
    q.push('firing');
    q.push('resolved');
    await until(() => q.idle());
    expect(sent).toEqual(['firing', 'resolved']);
    expect(q.stats()).toMatchObject({ sent: 2, failed: 4 });
    expect(lines).toEqual([
      'skewboard: webhook http://127.0.0.1:9/hook: cannot deliver (ECONNREFUSED); retrying with backoff',
      'webhook http://127.0.0.1:9/hook: delivering again after 4 failed attempts',
    ]);
    q.stop();
  });

  it('never holds up the caller, and drops the oldest beyond its bound', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: number[] = [];
    const q = createRetryQueue<number>({
      name: 'test',
      log: logged().log,
      maxItems: 3,
      send: async (n) => {
        await gate;
        sent.push(n);
      },
    });
    // push returns at once although no send can finish until the gate opens
    for (let i = 0; i < 100; i++) q.push(i);
    // item 0 is on its way; of the 99 waiting behind it, the newest 3 are kept
    expect(q.stats()).toMatchObject({ queued: 4, dropped: 96 });
    release();
    await until(() => q.idle());
    expect(sent).toEqual([0, 97, 98, 99]);
    expect(q.stats()).toMatchObject({ sent: 4, dropped: 96 });
  });
});
