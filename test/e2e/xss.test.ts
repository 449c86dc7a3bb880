/**
 * Untrusted text stays text: known XSS payloads fed through every path that puts outside text
 * on the page (a note sent to the real gateway, another gateway's server names and
 * annotations, a postmortem file imported and dropped), and none of them runs.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { io as connect } from 'socket.io-client';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATION_LIMITS } from '../../src/core/protocol/protocol';
import { freePort, launchBrowser, startGateway, tempDir, type RunningGateway } from './harness';
import { allTimelineTitles, timelineCount } from './timeline-rows';
import { attr, waitFor } from './wait';
import { XSS_PAYLOADS } from './xss-payloads';

const T0 = Date.UTC(2024, 4, 15, 14, 0);

interface Traps {
  hits: number[];
  dialogs: string[];
}

/** A page that records any payload that runs: a call to __xss, or a dialog. */
async function trappedPage(browser: Browser, url: string): Promise<{ page: Page; traps: Traps }> {
  const traps: Traps = { hits: [], dialogs: [] };
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.exposeFunction('__xss', (n: number) => traps.hits.push(n));
  page.on('dialog', (d) => {
    traps.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { page, traps };
}

/** Gives every trap a moment to fire, then proves none did. */
async function expectNothingRan(page: Page, traps: Traps): Promise<void> {
  // hover and focus every marker, so handlers bound to those events would run too
  for (const marker of await page.locator('[data-testid=annotation]').all()) await marker.focus();
  await page.waitForTimeout(500);
  expect(traps.hits).toEqual([]);
  expect(traps.dialogs).toEqual([]);
  expect(await page.locator('[data-xss]').count()).toBe(0);
  expect(await page.locator('iframe, object, embed').count()).toBe(0);
  const scripts = await page.locator('script').evaluateAll((s) => s.map((x) => x.outerHTML));
  expect(scripts.every((s) => s.includes('/assets/'))).toBe(true);
}

describe('XSS payloads stay text', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let foreign: HttpServer;
  let foreignPort: number;

  beforeAll(async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    dir = await tempDir();
    gateway = await startGateway(['--speed', '60']);
    browser = await launchBrowser();

    // another team's gateway whose server names and annotations are all payloads
    foreignPort = await freePort();
    foreign = createServer();
    const io = new Server(foreign, { cors: { origin: '*' } });
    const ids = XSS_PAYLOADS.map((p, i) => `${i}:${p}`);
    io.on('connection', (socket) => {
      socket.emit('hello', {
        v: 1,
        source: XSS_PAYLOADS[0],
        mode: 'live',
        intervalMs: 1000,
        servers: ids.map((id, i) => ({
          id,
          label: XSS_PAYLOADS[i],
          pool: XSS_PAYLOADS[i],
          weight: 1,
        })),
        now: T0,
      });
      for (let seq = 0; seq < 5; seq++) {
        socket.emit('frame', {
          v: 1,
          seq,
          t: T0 + seq * 1000,
          intervalMs: 1000,
          samples: ids.map((id) => ({
            id,
            requests: 10,
            latencyMs: { p50: 10, p95: 20, p99: 30 },
          })),
        });
      }
      XSS_PAYLOADS.forEach((p, i) =>
        socket.emit('annotation', {
          v: 1,
          id: `${i}:${p}`,
          t: T0 + 1000,
          title: p,
          text: p,
          kind: 'note',
          source: p,
          // a tag is at most 64 characters (the protocol's limit): the longest payloads are cut
          tags: [p.slice(0, ANNOTATION_LIMITS.tag)],
        }),
      );
    });
    await new Promise<void>((r) => foreign.listen(foreignPort, '127.0.0.1', () => r()));
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await new Promise((r) => foreign?.close(r));
    await dir?.remove();
  });

  it('through notes sent to the real gateway', async () => {
    const { page, traps } = await trappedPage(browser, gateway.url);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    // one connection may write 10 notes at once (the gateway's rate limit): a sender per 10
    const senders: ReturnType<typeof connect>[] = [];
    const t = T0 - 600_000;
    for (const [i, p] of XSS_PAYLOADS.entries()) {
      if (i % 10 === 0) senders.push(connect(gateway.url, { transports: ['websocket'] }));
      const ack = await senders.at(-1)!.emitWithAck('annotate', {
        v: 1,
        t: t + i,
        title: p,
        text: p,
        kind: 'note',
        source: p,
      });
      expect(ack.ok, p).toBe(true);
    }
    for (const sender of senders) sender.disconnect();
    const listed = async () => (await timelineCount(page)) >= XSS_PAYLOADS.length;
    await waitFor(listed, true, 10_000);
    // every row rendered in turn as the list scrolls by
    const titles = await allTimelineTitles(page);
    for (const p of XSS_PAYLOADS) expect(titles).toContain(p.trim());
    await expectNothingRan(page, traps);
    await page.close();
  });

  it("through another gateway's server names, pools and annotations", async () => {
    const gatewayParam = encodeURIComponent(`http://127.0.0.1:${foreignPort}`);
    const { page, traps } = await trappedPage(browser, `${gateway.url}?gateway=${gatewayParam}`);
    await waitFor(
      () => page.locator('[data-testid=heatmap-row]').count(),
      XSS_PAYLOADS.length,
      10_000,
    );
    await waitFor(() => timelineCount(page), XSS_PAYLOADS.length, 10_000);
    expect(await allTimelineTitles(page)).toHaveLength(XSS_PAYLOADS.length);
    // the bars render just after the heatmap
    await waitFor(() => page.locator('[data-testid=share-row]').count(), XSS_PAYLOADS.length);
    const labels = await page.locator('[data-testid=share-row] td:first-child').allInnerTexts();
    for (const p of XSS_PAYLOADS) expect(labels).toContain(p.trim());
    // the hover card shows a server's label too
    const canvas = (await page.locator('[data-testid=heatmap] canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width - 2, canvas.y + 2);
    await waitFor(() => page.locator('.heatmap-tooltip').count(), 1);
    await expectNothingRan(page, traps);
    await page.close();
  });

  it('through a postmortem imported from disk and one dropped on the page', async () => {
    const doc = [
      '# Postmortem',
      'The outage happened on May 15, 2024. All times are UTC.',
      '## Timeline',
      ...XSS_PAYLOADS.map(
        (p, i) =>
          `- **${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:** ${p}`,
      ),
    ].join('\n');
    const file = join(dir.path, 'xss-postmortem.md');
    writeFileSync(file, doc);

    const { page, traps } = await trappedPage(browser, gateway.url);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    await page.locator('[data-testid=import-postmortem]').setInputFiles(file);
    await waitFor(
      () => attr(page, '[data-testid=import-report]', 'data-imported'),
      String(XSS_PAYLOADS.length),
    );
    await expectNothingRan(page, traps);

    // the same document dropped on the page
    const dropped = await trappedPage(browser, gateway.url);
    await waitFor(() => attr(dropped.page, '[data-testid=connection]', 'data-state'), 'live');
    await dropped.page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, doc);
    await waitFor(
      () => attr(dropped.page, '[data-testid=import-report]', 'data-imported'),
      String(XSS_PAYLOADS.length),
    );
    await expectNothingRan(dropped.page, dropped.traps);
    await page.close();
    await dropped.page.close();
  });
});
