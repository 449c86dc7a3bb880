/**
 * In live mode the page shows the gateway's alerts, not its own detector's: a gateway whose
 * `--config` makes share-skew wait two minutes before it fires shows the alert two minutes
 * after the change (the page's defaults would say 20-30 s), and a page opened later shows the
 * very same alert.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, tempDir, type RunningGateway } from './harness';
import { waitFor } from './wait';

const CHANGE_AT = Date.UTC(2024, 4, 15, 13, 55); // 09:55 UTC-4, the load-balancer change
const FIRE_AFTER_MS = 120_000;

describe("the page shows the gateway's alerts", () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir();
    const config = join(dir.path, 'detector.json');
    writeFileSync(config, JSON.stringify({ shareSkew: { fireAfterMs: FIRE_AFTER_MS } }));
    gateway = await startGateway(['--speed', '120', '--config', config]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await dir?.remove();
  });

  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(gateway.url);
    return page;
  };
  /** the fire time of the page's share-skew episode, from its marker's id */
  const firedAt = async (page: Page): Promise<number> => {
    const marker = page.locator(
      '[data-testid=annotation][data-kind=alert][data-annotation-id^="alert:share-skew:"]',
    );
    await waitFor(() => marker.count(), 1, 60_000);
    return Number((await marker.getAttribute('data-annotation-id'))!.split(':').at(-1));
  };

  it('as the gateway was told to fire, the same on a page opened later', async () => {
    const first = await open();
    const skew = first.locator('[data-testid=alert][data-rule=share-skew]');
    await waitFor(() => skew.count(), 1, 60_000);
    expect(await skew.getAttribute('data-servers')).toBe('app-04,app-07');
    expect(await skew.getAttribute('data-cause')).toBe('load-balancer');
    const t = await firedAt(first);
    expect(t - CHANGE_AT).toBeGreaterThanOrEqual(FIRE_AFTER_MS);

    const late = await open();
    const lateSkew = late.locator('[data-testid=alert][data-rule=share-skew]');
    await waitFor(() => lateSkew.count(), 1);
    expect(await lateSkew.getAttribute('data-servers')).toBe('app-04,app-07');
    expect(await firedAt(late)).toBe(t);
  });
});
