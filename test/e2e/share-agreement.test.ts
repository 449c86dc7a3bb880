/**
 * One share, everywhere: on the live seed incident the share bars state for app-04 and app-07
 * the shares the gateway's /metrics states, for the same frame, over the detector's window.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

interface Reading {
  seq: number;
  shares: Record<string, number>;
}

const SKEWED = ['app-04', 'app-07'];

/** What the bars show, read in one go so the seq and the shares belong together. */
async function barsReading(page: Page): Promise<Reading> {
  return page.evaluate((ids) => {
    const bars = document.querySelector('[data-testid=share-bars]');
    const shares: Record<string, number> = {};
    for (const id of ids) {
      const row = bars?.querySelector(`[data-testid=share-row][data-server="${id}"]`);
      shares[id] = Number(row?.getAttribute('data-share') ?? NaN);
    }
    return { seq: Number(bars?.getAttribute('data-seq') ?? NaN), shares };
  }, SKEWED);
}

/** What /metrics states now. */
async function metricsReading(url: string): Promise<Reading> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const seq = Number(/^skewboard_share_frame_seq (\S+)$/m.exec(text)?.[1] ?? NaN);
  const shares: Record<string, number> = {};
  for (const m of text.matchAll(/^skewboard_server_share\{([^}]*)\} (\S+)$/gm)) {
    const server = /server="([^"]*)"/.exec(m[1]!)?.[1];
    if (server) shares[server] = Number(m[2]);
  }
  return { seq, shares };
}

describe('the share bars and /metrics on the seed incident', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let page: Page;

  beforeAll(async () => {
    // 60x: the 09:55 change comes within half a minute, a frame every ~170 ms
    gateway = await startGateway(['--speed', '60']);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(gateway.url);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it("states the pool and the detector's window beside the bars", async () => {
    await waitFor(() => attr(page, '[data-testid=share-bars]', 'data-window-ms'), '20000');
    const pool = page.locator('[data-testid=share-bars] [data-testid=share-pool]');
    await waitFor(() => pool.count(), 1);
    expect(await pool.getAttribute('data-pool')).toBe('web');
    expect(await pool.locator('[data-testid=share-caption]').innerText()).toBe(
      'share of pool web over the last 20 s',
    );
    expect(await metricsTextHas(gateway.url, /^skewboard_share_window_seconds 20$/m)).toBe(true);
  });

  it('shows app-04 and app-07 at the shares /metrics gives for the same frame', async () => {
    // the page and the gateway move a frame every ~170 ms: compare when both hold the same
    // newest frame, after the change has filled the window
    const deadline = Date.now() + 90_000;
    let last: { bars: Reading; metrics: Reading } | undefined;
    let matched = false;
    while (!matched && Date.now() < deadline) {
      const bars = await barsReading(page);
      const metrics = await metricsReading(gateway.url);
      last = { bars, metrics };
      matched =
        bars.seq === metrics.seq &&
        SKEWED.every((id) => bars.shares[id]! > 0.18 && metrics.shares[id]! > 0.18);
      if (!matched) await new Promise((r) => setTimeout(r, 20));
    }
    expect(matched, `no frame where both agree on the skew; last ${JSON.stringify(last)}`).toBe(
      true,
    );
    for (const id of SKEWED) {
      // data-share has four decimals
      expect(Math.abs(last!.bars.shares[id]! - last!.metrics.shares[id]!)).toBeLessThan(1e-4);
    }
  });
});

async function metricsTextHas(url: string, pattern: RegExp): Promise<boolean> {
  return pattern.test(await (await fetch(new URL('/metrics', url))).text());
}
