/**
 * A source that only knows a mean latency (HAProxy) is shown as one: a gateway replaying a
 * recording whose hello says `latency: "mean"` puts "mean latency" on the page and in its
 * alerts, and "p95" nowhere, and so does the page's own review of the gateway's recording;
 * the same recording without it says p95, as before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame, Hello, Sample } from '../../src/core/protocol/protocol';
import { launchBrowser, startGateway, tempDir, type RunningGateway } from './harness';
import { waitFor } from './wait';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const INTERVAL = 5000;
const FRAMES = 80;
const SKEW_FROM = 20;
const IDS = ['web1', 'web2', 'web3', 'web4', 'web5'].map((s) => `app/${s}`);

const hello = (latency: Hello['latency']): Hello => ({
  v: 1,
  source: 'haproxy:http://lb.example:8404/stats;csv',
  mode: 'live',
  intervalMs: INTERVAL,
  servers: IDS.map((id) => ({ id, label: id.slice(4), pool: 'app', weight: 1 })),
  now: T0,
  ...(latency !== undefined && { latency }),
});

// as HAProxy gives it: one mean, so p50 = p95 = p99
const served = (id: string, requests: number, meanMs: number): Sample => ({
  id,
  requests,
  errors: 0,
  latencyMs: { p50: meanMs, p95: meanMs, p99: meanMs },
});

/**
 * Fair at first; from SKEW_FROM on, app/web3 gets ~1.9x its share at ~37x the pool's mean
 * latency, to the end, so its alerts are still firing when a page connects; app/web5 serves
 * nothing in the last two intervals.
 */
function frame(i: number): Frame {
  const samples = IDS.map((id) => {
    if (id === 'app/web5' && i >= FRAMES - 2) return { id, requests: 0, latencyMs: null };
    if (i >= SKEW_FROM && id === 'app/web3') return served(id, 600, 1500);
    return served(id, 250, 40);
  });
  return { v: 1, seq: i, t: T0 + (i + 1) * INTERVAL, intervalMs: INTERVAL, samples };
}

function writeRecording(file: string, latency: Hello['latency']) {
  const lines = [
    { type: 'hello', ...hello(latency) },
    ...Array.from({ length: FRAMES }, (_, i) => ({ type: 'frame', ...frame(i) })),
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

let browser: Browser | undefined;
let gateway: RunningGateway | undefined;
let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
afterEach(async () => {
  await browser?.close();
  await gateway?.stop();
  await dir?.remove();
  browser = gateway = dir = undefined;
});

/** A gateway replaying the recording, and a page on it once both alerts show. */
async function openReplay(latency: Hello['latency']): Promise<Page> {
  dir = await tempDir();
  const file = join(dir.path, 'haproxy.ndjson');
  writeRecording(file, latency);
  gateway = await startGateway(['--source', `replay:${file}`, '--speed', '100', '--no-record']);
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(gateway.url);
  for (const rule of ['share-skew', 'latency']) {
    await waitFor(() => page.locator(`[data-testid=alert][data-rule=${rule}]`).count(), 1, 60_000);
  }
  // every frame in: the newest column holds the last one
  await waitFor(() => page.locator('[data-testid=heatmap-row]').count(), IDS.length);
  await waitFor(
    () => page.locator('[data-testid=heatmap]').getAttribute('data-view-end'),
    String(T0 + FRAMES * INTERVAL),
  );
  return page;
}

/** The tooltip of the newest cell of `id`'s heatmap row. */
async function newestCellTooltip(page: Page, id: string): Promise<string> {
  const canvas = page.locator('[data-testid=heatmap] canvas');
  const box = (await canvas.boundingBox())!;
  const row = IDS.indexOf(id);
  const rowPx = box.height / IDS.length;
  await page.mouse.move(box.x + box.width - 1, box.y + rowPx * (row + 0.5));
  const tooltip = page.locator('.heatmap-tooltip');
  await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
  return (await tooltip.innerText()).replace(/\s+/g, ' ');
}

describe('a source that only knows a mean latency', () => {
  it('says "mean latency" on the page and in its alerts, and "p95" nowhere', async () => {
    const page = await openReplay('mean');

    await expect
      .poll(() => page.locator('.heatmap-panel h2').innerText())
      .toBe('mean latency by server');
    expect(await page.locator('.latency-legend').getAttribute('aria-label')).toBe(
      'mean latency colour scale',
    );
    await expect.poll(() => page.locator('.share-table th').allInnerTexts()).toContain('mean');

    const skew = page.locator('[data-testid=alert][data-rule=share-skew]');
    expect(await skew.getAttribute('data-servers')).toBe('app/web3');
    expect(await skew.locator('.alert-message').innerText()).toMatch(
      /^app\/web3 gets 1\.9x its weighted share; its mean latency is 38x the pool's: /,
    );
    const slow = page.locator('[data-testid=alert][data-rule=latency] .alert-message');
    expect(await slow.innerText()).toMatch(/^mean latency of app\/web3 is 38x the pool's/);

    expect(await newestCellTooltip(page, 'app/web3')).toContain('mean latency 1.5 s');
    // served nothing: no latency, not the 40 ms it had before
    const idle = await newestCellTooltip(page, 'app/web5');
    expect(idle).toContain('0 requests');
    expect(idle).toContain('no latency');
    expect(idle).not.toContain('40 ms');
    // and the tooltip of a busy cell, hovered last, is in the page for the check below
    await newestCellTooltip(page, 'app/web3');

    // no word of a percentile anywhere: text, labels, titles
    expect(await page.locator('body').innerText()).not.toMatch(/p95|p50|p99/);
    expect(await page.content()).not.toMatch(/p95|p50|p99/);
  });

  it("the page's own review of the gateway's recording of it says mean latency too", async () => {
    const gatewayPage = await openReplay('mean');
    // the gateway's buffer as a recording: its hello carries latency, and the page's own
    // detector words the alerts from it
    const recording = new URL('api/recording', gateway!.url).href;
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
    await gatewayPage.close();
    await page.goto(`${gateway!.url}?replay=${encodeURIComponent(recording)}`);
    await waitFor(
      () => page.locator('[data-testid=connection]').getAttribute('data-state'),
      'replay',
    );
    await waitFor(() => page.locator('[data-testid=alerts-pending]').count(), 0);
    await page.keyboard.press('End');
    await waitFor(() => page.locator('[data-testid=alert]').count(), 2);
    expect(await page.locator('.heatmap-panel h2').innerText()).toBe('mean latency by server');
    const messages = await page.locator('[data-testid=alert] .alert-message').allInnerTexts();
    expect(messages.join('\n')).toContain("its mean latency is 38x the pool's");
    expect(await page.locator('body').innerText()).not.toMatch(/p95|p50|p99/);
  });

  it('a recording without hello.latency still says p95 (quantiles, the default)', async () => {
    const page = await openReplay(undefined);
    await expect
      .poll(() => page.locator('.heatmap-panel h2').innerText())
      .toBe('p95 latency by server');
    const skew = page.locator('[data-testid=alert][data-rule=share-skew] .alert-message');
    expect(await skew.innerText()).toContain("its p95 is 38x the pool's");
    expect(await newestCellTooltip(page, 'app/web3')).toContain('p95 1.5 s');
    expect(await page.locator('body').innerText()).not.toContain('mean latency');
  });
});
