/**
 * A fleet far taller than the heatmap: the real gateway plays sim:fleet-360 (360 servers in
 * pools web, api and batch; web-0007 and web-0011 get pinned traffic, api-0005 turns slow)
 * to the built page in Debian's Chromium. The servers that alert get rows at the top, the
 * rest fold into a band per pool that unfolds on click; the heatmap says in words which
 * servers alert, a keyboard reads its cells, and a tap on a phone shows a cell's values.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, until } from '../support/services';
import { launchBrowser, startGateway } from './harness';
import { attr, waitFor } from './wait';

const later = cleanupsAfterEach();
const SERVERS = 360;
const ALERTING = ['web-0007', 'web-0011', 'api-0005'];
// a simulated second every 100 ms: the faults start 30 s in, the alerts fire 20 s later
const SPEED = '10';

/** A gateway playing the fleet and a page on it, once the three servers alert. */
async function openFleet(context: BrowserContextOptions): Promise<Page> {
  const gateway = await startGateway(['--source', 'sim:fleet-360', '--speed', SPEED]);
  later(() => gateway.stop());
  const browser = await launchBrowser();
  later(() => browser.close());
  const page = await (await browser.newContext(context)).newPage();
  await page.goto(gateway.url);
  await until(
    90_000,
    async () =>
      (await page.locator('[data-testid=heatmap-row][data-alerting=true]').count()) ===
      ALERTING.length,
    () => `the three servers never alerted on the heatmap\n${gateway.output()}`,
  );
  return page;
}

const rowIds = (page: Page) =>
  page
    .locator('[data-testid=heatmap] [data-testid=heatmap-row]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-server') ?? ''));

const bands = (page: Page) =>
  page.locator('[data-testid=heatmap-band]').evaluateAll((rows) =>
    rows.map((r) => ({
      pool: r.getAttribute('data-pool'),
      count: Number(r.getAttribute('data-count')),
      unfolded: r.getAttribute('data-unfolded'),
    })),
  );

const tooltipText = async (page: Page) =>
  (await page.locator('.heatmap-tooltip').innerText()).replace(/\s+/g, ' ');

describe('the heatmap of a fleet taller than the screen', () => {
  it('puts the alerting servers on top and folds the rest into a band per pool, unfolded on click', async () => {
    const page = await openFleet({ viewport: { width: 1280, height: 720 } });
    expect(await attr(page, '[data-testid=heatmap]', 'data-servers')).toBe(String(SERVERS));
    // the alerting servers first, in the store's order
    const ids = await rowIds(page);
    expect(ids.slice(0, 3)).toEqual(['web-0007', 'web-0011', 'api-0005']);
    // every server is in a row of its own or counted in its pool's band, once
    const folded = await bands(page);
    expect(folded.map((b) => b.pool)).toEqual(['web', 'api', 'batch']);
    expect(folded.every((b) => b.unfolded === 'false')).toBe(true);
    expect(ids.length + folded.reduce((n, b) => n + b.count, 0)).toBe(SERVERS);
    // no row squeezed below a readable height: everything fits the heatmap's box
    const canvas = (await page.locator('[data-testid=heatmap] canvas').boundingBox())!;
    expect(canvas.height / (ids.length + folded.length)).toBeGreaterThanOrEqual(12);

    const batch = folded.find((b) => b.pool === 'batch')!;
    await page.locator('[data-testid=heatmap-band][data-pool=batch] button').click();
    await waitFor(
      () => attr(page, '[data-testid=heatmap-band][data-pool=batch]', 'data-unfolded'),
      'true',
    );
    const unfolded = await rowIds(page);
    expect(unfolded.length).toBe(ids.length + batch.count);
    expect(unfolded).toContain('batch-0001');
    expect(await attr(page, '[data-testid=heatmap-band][data-pool=web]', 'data-unfolded')).toBe(
      'false',
    );
    // folded again on a second click
    await page.locator('[data-testid=heatmap-band][data-pool=batch] button').click();
    await waitFor(async () => (await rowIds(page)).length, ids.length);
  });

  it('reads a cell under a keyboard cursor, and names the alerting servers in its summary', async () => {
    const page = await openFleet({ viewport: { width: 1280, height: 720 } });
    const canvas = page.locator('[data-testid=heatmap] canvas');
    const summary = await canvas.getAttribute('aria-describedby');
    const text = await page.locator(`[id="${summary}"]`).textContent();
    expect(text).toMatch(
      /^360 servers; alerting: web-0007, web-0011, api-0005; .*; from \d\d:\d\d to \d\d:\d\d UTC$/,
    );

    await canvas.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('PageUp');
    await until(
      10_000,
      async () => (await page.locator('.heatmap-tooltip').count()) === 1,
      () => 'no tooltip under the cursor',
    );
    expect(await page.locator('[data-testid=heatmap-cursor]').count()).toBe(1);
    const first = await tooltipText(page);
    expect(first).toMatch(
      /^web-0007 2024-06-03 \d\d:\d\d:\d\d UTC p50 .+ · p95 .+ · p99 .+ \d+ requests, \d+ errors/,
    );
    expect(first).toMatch(/share \d+\.\d%/);
    await page.keyboard.press('ArrowDown');
    await until(
      10_000,
      async () => (await tooltipText(page)).startsWith('web-0011 '),
      () => `the cursor did not move down: ${first}`,
    );
    // a band's cell: its pool, count and latency as painted
    await page.keyboard.press('PageDown');
    await until(
      10_000,
      async () => /^batch: \d+ servers .* p95 .+ \(95th percentile/.test(await tooltipText(page)),
      () => 'the last row is not the batch band',
    );
    // what a screen reader is told is what the tooltip shows
    const spoken = await page.locator('[aria-live=polite]', { hasText: 'batch:' }).textContent();
    expect(spoken).toMatch(/^batch: \d+ servers, /);
    await page.keyboard.press('Escape');
    await waitFor(() => page.locator('.heatmap-tooltip').count(), 0);
  });

  it('on a phone, a tap on a cell shows its values; only a second tap opens the note form', async () => {
    const page = await openFleet({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const box = (await page.locator('[data-testid=heatmap] canvas').boundingBox())!;
    const rows = (await rowIds(page)).length + (await bands(page)).length;
    // the first row's newest cell: web-0007
    const at = { x: box.x + box.width - 2, y: box.y + box.height / rows / 2 };
    await page.touchscreen.tap(at.x, at.y);
    await until(
      10_000,
      async () => (await page.locator('.heatmap-tooltip').count()) === 1,
      () => 'a tap showed no tooltip',
    );
    expect(await tooltipText(page)).toMatch(/^web-0007 .* \d+ requests/);
    expect(await page.locator('[data-testid=note-form]').count()).toBe(0);
    await page.touchscreen.tap(at.x, at.y);
    await waitFor(() => page.locator('[data-testid=note-form]').count(), 1);
  });
});
