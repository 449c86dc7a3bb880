/**
 * A page that fails over between the gateways of a cluster by itself (issue 15): two gateways
 * on one Debian redis-server, the page opened from the first with `?gateway=<first>,<second>`,
 * the first (the one running the source) SIGKILLed. The page moves to the second, resumes
 * after the last frame it holds, and goes on showing new frames: no seq skipped, none sent twice.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, startRedis, until } from '../support/services';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr } from './wait';

const later = cleanupsAfterEach();
const TEST_MS = 150_000;

/** A gateway of the cluster on `redisUrl`, stopped after the test. */
async function member(redisUrl: string, args: string[] = []): Promise<RunningGateway> {
  const gw = await startGateway(['--redis', redisUrl, '--no-record', '--speed', '60', ...args]);
  later(() => gw.stop());
  return gw;
}

const origin = (gw: RunningGateway) => new URL(gw.url).origin;

/** Every frame seq that reaches the page over its WebSockets, and where each socket went. */
function wireOf(page: Page) {
  const wire = { seqs: [] as number[], sockets: [] as string[] };
  page.on('websocket', (ws) => {
    wire.sockets.push(ws.url());
    ws.on('framereceived', ({ payload }) => {
      // a Socket.IO event over engine.io: `42["frame",{...}]`
      if (typeof payload !== 'string' || !payload.startsWith('42["frame"')) return;
      const [, frame] = JSON.parse(payload.slice(2)) as [string, { seq: number }];
      wire.seqs.push(frame.seq);
    });
  });
  return wire;
}

/** The seqs that are not one more than the one before: holes and repeats. */
const breaks = (seqs: number[]) =>
  seqs.slice(1).flatMap((s, i) => (s === seqs[i]! + 1 ? [] : [`${seqs[i]}->${s}`]));

const newestSeq = async (page: Page) =>
  Number((await attr(page, '[data-testid=feed]', 'data-newest-seq')) ?? -1);

describe('a page on several gateways of a cluster', () => {
  it(
    'moves to the next gateway when the one it is on is SIGKILLed, with no frame lost or repeated',
    async () => {
      const redis = await startRedis(later);
      const first = await member(redis.url);
      await until(
        30_000,
        () => first.output().includes('took the lease'),
        () => `the first gateway took no lease:\n${first.output()}`,
      );
      // the page comes from the first: the second lets it in (CONTRACT section 1, Origins)
      const second = await member(redis.url, ['--allow-origin', origin(first)]);
      const browser = await launchBrowser();
      later(() => browser.close());
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      later(() => page.close());
      const wire = wireOf(page);
      const list = `${origin(first)},${origin(second)}`;
      await page.goto(`${first.url}?gateway=${encodeURIComponent(list)}`);

      const badge = '[data-testid=connection]';
      await until(
        40_000,
        async () =>
          (await attr(page, badge, 'data-state')) === 'live' && (await newestSeq(page)) >= 10,
        () => `the page never went live on the first gateway:\n${first.output()}`,
      );
      expect(await attr(page, badge, 'data-gateway')).toBe(origin(first));

      await first.kill();
      const heldAtKill = await newestSeq(page);
      await until(
        60_000,
        async () =>
          (await attr(page, badge, 'data-gateway')) === origin(second) &&
          (await attr(page, badge, 'data-state')) === 'live' &&
          (await newestSeq(page)) > heldAtKill + 10,
        () =>
          `the page is ${JSON.stringify(wire.sockets)}, at seq ${heldAtKill} when killed:\n${second.output()}`,
      );

      expect(await attr(page, '[data-testid=feed]', 'data-missed-frames')).toBe('0');
      expect(wire.sockets.some((u) => u.includes(`:${second.port}/socket.io/`))).toBe(true);
      expect(wire.seqs.length).toBeGreaterThan(20);
      expect(breaks(wire.seqs)).toEqual([]);
      // a gateway of another numbering would have sent its whole buffer again: a repeat above
      expect(wire.seqs.filter((s) => s > heldAtKill).length).toBeGreaterThan(10);
    },
    TEST_MS,
  );
});
