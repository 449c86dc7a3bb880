/**
 * The live dashboard end to end: the real gateway playing the 2024-05-15 incident, the built
 * page in Debian's Chromium, checked the way an on-call engineer would look at it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../../src/core/recording/recording';
import { launchBrowser, ROOT, startGateway, tempDir, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const SCREENSHOTS = join(ROOT, 'test-results');

describe('the live dashboard on the seed incident', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let page: Page;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let recording: string;

  beforeAll(async () => {
    dir = await tempDir();
    recording = join(dir.path, 'live.ndjson');
    // 120x: a simulated minute every half second, so the 09:55 change comes within 15 s
    gateway = await startGateway(['--speed', '120', '--record', recording]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(gateway.url);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await dir?.remove();
  });

  // the tests share one page and gateway; each waits for the moment it checks, so any one of
  // them runs alone
  const newestSeq = async () => Number(await attr(page, '[data-testid=feed]', 'data-newest-seq'));
  /** live, holding more than `frames` frames */
  const liveWith = async (frames: number) => {
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live', 30_000);
    await waitFor(async () => (await newestSeq()) >= frames, true, 60_000);
  };
  const share = (id: string) =>
    attr(page, `[data-testid=share-bars] [data-testid=share-row][data-server=${id}]`, 'data-share');
  // the bars sum the detector's 20 s window: skewed once it lies wholly after the change
  const skewed = async () =>
    Number(await share('app-04')) > 0.18 && Number(await share('app-07')) > 0.18;

  it('connects live and draws one heatmap row per server', async () => {
    await liveWith(1);
    const rows = page.locator('[data-testid=heatmap] [data-testid=heatmap-row]');
    await waitFor(() => rows.count(), 10);
    expect(await attr(page, '[data-testid=heatmap]', 'data-rows')).toBe('10');
    // the canvas has painted latency colours, not just the empty background
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=heatmap] canvas')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return colours.size;
    });
    expect(painted).toBeGreaterThan(5);
  });

  it('shows the skew in the share bars: app-04 and app-07 at about 2.2x their share', async () => {
    await waitFor(skewed, true, 60_000);
    for (const id of ['app-04', 'app-07']) {
      expect(Number(await share(id))).toBeGreaterThan(0.18);
      expect(await attr(page, `[data-testid=share-row][data-server=${id}]`, 'data-expected')).toBe(
        '0.1000',
      );
    }
    for (const id of ['app-01', 'app-05', 'app-10']) {
      expect(Number(await share(id))).toBeLessThan(0.09);
    }
    // the recharts bars are drawn, one per server for the share and one for the expected share
    expect(await page.locator('[data-testid=share-bars] .recharts-bar-rectangle').count()).toBe(20);
  });

  it('marks the incident timeline on the heatmap time axis, as plain text', async () => {
    const marker = page.locator(
      '[data-testid=annotation][data-annotation-id="lb-misconfig:10:00"]',
    );
    await waitFor(() => marker.count(), 1, 60_000);
    expect(await marker.getAttribute('data-kind')).toBe('detected');
    // the marker slides left with every frame, so reach it the keyboard's way
    await marker.focus();
    const popover = page.locator('.annotation:focus-within .annotation-popover');
    await expect.poll(() => popover.innerText()).toContain('Latency alert fired');
    expect(await popover.innerText()).toContain('10:00:00 UTC-4');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await marker.blur();
    await page.screenshot({ path: join(SCREENSHOTS, 'live-dashboard.png') });
  });

  it('shows each cell on hover: server, time, percentiles, requests and share', async () => {
    // the newest column, hovered, is after the change
    await waitFor(skewed, true, 60_000);
    const canvas = page.locator('[data-testid=heatmap] canvas');
    const box = (await canvas.boundingBox())!;
    const row = 3; // app-04, the fourth row
    await page.mouse.move(box.x + box.width - 3, box.y + (box.height / 10) * (row + 0.5));
    const tooltip = page.locator('.heatmap-tooltip');
    await expect.poll(() => tooltip.count()).toBe(1);
    const text = await tooltip.innerText();
    expect(text).toContain('app-04');
    expect(text).toMatch(/2024-05-15 \d\d:\d\d:\d\d UTC-4/);
    expect(text).toMatch(/p50 .+ · p95 .+ · p99 .+/);
    expect(text).toMatch(/\d+ requests/);
    expect(text).toMatch(/share 2\d\.\d%/);
    await page.mouse.move(0, 0);
  });

  it('exports the window on screen from the gateway as a recording', async () => {
    await liveWith(25);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=export-window]').click(),
    ]);
    const path = join(SCREENSHOTS, 'live-window.ndjson');
    await download.saveAs(path);
    const { payloads } = parseRecording(readFileSync(path, 'utf8'));
    expect(payloads[0]!.type).toBe('hello');
    const frames = payloads.filter((p) => p.type === 'frame');
    expect(frames.length).toBeGreaterThan(20);
  });

  it('says stale when frames stop coming while the connection stays open', async () => {
    await liveWith(1);
    gateway.freeze();
    try {
      // 3 intervals of 10 s at 120x is 250 ms of silence
      await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'stale', 10_000);
      expect(await page.locator('[data-testid=connection]').innerText()).toMatch(
        /stale\s*·\s*no frame for \d+\.\d s/,
      );
    } finally {
      gateway.thaw();
    }
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live', 10_000);
  });

  it('resumes after a gateway restart without losing a frame', async () => {
    await liveWith(1);
    expect(await attr(page, '[data-testid=feed]', 'data-missed-frames')).toBe('0');
    await gateway.stop();
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'reconnecting');
    const heldAtStop = await newestSeq();
    gateway = await startGateway(['--speed', '120', '--record', recording], gateway.port);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live', 30_000);
    await waitFor(async () => (await newestSeq()) > heldAtStop + 20, true, 30_000);
    expect(await attr(page, '[data-testid=feed]', 'data-missed-frames')).toBe('0');
    // the restarted gateway carried on the numbering rather than starting again at 0
    expect(gateway.output()).not.toContain('dropped');
  });

  it('reads from across a room on a 1080p wall display (?kiosk)', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${gateway.url}?kiosk`);
    await waitFor(() => attr(wall, '[data-testid=connection]', 'data-state'), 'live');
    const app04 = '[data-testid=share-row][data-server=app-04]';
    await waitFor(async () => Number(await attr(wall, app04, 'data-share')) > 0.18, true);
    const px = (selector: string) =>
      wall
        .locator(selector)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await px('.app')).toBeGreaterThanOrEqual(24);
    expect(await px('[data-testid=heatmap-row]')).toBeGreaterThanOrEqual(18);
    // everything a viewer needs fits on the screen without scrolling
    for (const id of ['heatmap', 'share-bars', 'connection']) {
      const box = (await wall.locator(`[data-testid=${id}]`).boundingBox())!;
      expect(box.y + box.height, id).toBeLessThanOrEqual(1080);
    }
    await wall.screenshot({ path: join(SCREENSHOTS, 'kiosk.png') });
    await wall.close();
  });
});
