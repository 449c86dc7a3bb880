/**
 * A wall whose gateway goes away for long: the page keeps the last heatmap and bars on screen
 * under a stale banner saying since when, never a blank screen, and drops the banner once the
 * gateway is back. The real gateway, killed and started again on the same port.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, until } from '../support/services';
import { freePort, launchBrowser, startGateway } from './harness';
import { attr, waitFor } from './wait';

const later = cleanupsAfterEach();

const rows = (page: Page) =>
  page.locator('[data-testid=heatmap] [data-testid=heatmap-row]').count();
const banner = (page: Page) => page.locator('[data-testid=stale-banner]');

describe('a wall whose gateway goes away', () => {
  it('keeps the last data under a stale banner saying since when, and drops it when back', async () => {
    const port = await freePort();
    const gateway = await startGateway(['--speed', '60', '--no-record'], port);
    const browser = await launchBrowser();
    later(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${gateway.url}?kiosk`);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    await until(
      30_000,
      async () =>
        (await rows(page)) === 10 &&
        (await page.locator('[data-testid=share-bars] [data-testid=share-row]').count()) === 10,
      () => 'the heatmap and bars never showed the 10 servers',
    );
    expect(await banner(page).count()).toBe(0);

    await gateway.kill();
    const killedAt = Date.now();
    await until(
      30_000,
      async () => (await banner(page).count()) === 1,
      () => 'no stale banner after the gateway went away',
    );
    const viewEnd = await attr(page, '[data-testid=heatmap]', 'data-view-end');
    const text = await banner(page).innerText();
    expect(text).toMatch(/Stale: no new data since \d\d:\d\d:\d\d \(\d+ s ago\)/);
    expect(text).toMatch(/cannot be reached/);
    // since when: the moment the last data came, not when the banner went up
    const since = Number(await attr(page, '[data-testid=stale-banner]', 'data-since'));
    expect(Math.abs(since - killedAt)).toBeLessThan(5000);
    // the last data stays on screen
    expect(await rows(page)).toBe(10);
    expect(await page.locator('[data-testid=share-bars] [data-testid=share-row]').count()).toBe(10);
    // a while on, still there, the same last frame
    await until(
      20_000,
      async () => /\(1[5-9] s ago\)|\(\d\d s ago\)|min ago/.test(await banner(page).innerText()),
      () => `the banner's age does not move: ${text}`,
    );
    expect(await rows(page)).toBe(10);
    expect(await attr(page, '[data-testid=heatmap]', 'data-view-end')).toBe(viewEnd);

    const back = await startGateway(['--speed', '60', '--no-record'], port);
    later(() => back.stop());
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live', 60_000);
    await until(
      20_000,
      async () => (await banner(page).count()) === 0,
      () => 'the stale banner stayed once the gateway was back',
    );
  });
});
