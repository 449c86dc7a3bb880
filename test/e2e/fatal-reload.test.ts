/**
 * A view that throws on a wall: the page shows the error instead of going blank, reloads
 * itself after a few seconds, and comes back to the same view: the zone from its address, the
 * moment someone pinned from sessionStorage. The fault is a real one from outside the app: the
 * browser's Intl, which every clock on the page formats with in a named zone, starts throwing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, until } from '../support/services';
import { launchBrowser, startGateway } from './harness';
import { attr, waitFor } from './wait';

const later = cleanupsAfterEach();
const HOUR = 3600_000;
const EVENT = '[data-testid=timeline-event][data-annotation-id="lb-misconfig:10:00"]';

/** A live page of the seed incident on a gateway of its own, once the 10:00 event is an hour back. */
async function livePastTheEvent() {
  // 600x: the 10:00 event is more than an hour behind the newest frame within seconds
  const gateway = await startGateway(['--speed', '600', '--no-record']);
  later(() => gateway.stop());
  const browser = await launchBrowser();
  later(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const address = `${gateway.url}?tz=America/New_York`;
  await page.goto(address);
  await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
  await anHourPastTheEvent(page);
  return { page, address, context };
}

/**
 * Waits until the heatmap shows frames an hour past the 10:00 event, so a click on the event
 * pins the view there (with the event near the newest frame, the view would stay live).
 */
async function anHourPastTheEvent(page: Page) {
  const eventT = Date.parse((await page.locator(`${EVENT} time`).getAttribute('dateTime'))!);
  await until(
    60_000,
    async () =>
      Number(await attr(page, '[data-testid=heatmap]', 'data-view-end')) > eventT + 1.2 * HOUR,
    () => 'the heatmap never moved an hour past the 10:00 event',
  );
}

describe('a fatal error in a view', () => {
  it('shows the error, reloads by itself, and comes back to the same view', async () => {
    const { page, address } = await livePastTheEvent();
    await page.locator(`${EVENT} button.timeline-event`).click();
    await waitFor(() => attr(page, '[data-testid=heatmap]', 'data-following'), 'false');
    const pinnedEnd = await attr(page, '[data-testid=heatmap]', 'data-view-end');

    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await page.evaluate(() => {
      Intl.DateTimeFormat.prototype.formatToParts = () => {
        throw new Error('formatToParts broke');
      };
    });
    const fatal = page.locator('[data-testid=fatal-error]');
    await until(
      20_000,
      async () => (await fatal.count()) === 1,
      () => 'no error shown after the view threw',
    );
    expect(await fatal.getAttribute('data-reloading')).toBe('true');
    expect(await fatal.innerText()).toMatch(/formatToParts broke\. Reloading in 5 s/);
    await reloaded;

    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live', 30_000);
    expect(page.url()).toBe(address);
    expect(await fatal.count()).toBe(0);
    await waitFor(() => attr(page, '[data-testid=heatmap]', 'data-following'), 'false');
    expect(await attr(page, '[data-testid=heatmap]', 'data-view-end')).toBe(pinnedEnd);
    expect(await page.locator('[data-testid=clock]').innerText()).toMatch(/UTC-4/);
  });

  it('comes back to the pinned view when Chrome loads a discarded tab again, not on a plain reload', async () => {
    const { page, address, context } = await livePastTheEvent();
    const pin = async () => {
      await page.locator(`${EVENT} button.timeline-event`).click();
      await waitFor(() => attr(page, '[data-testid=heatmap]', 'data-following'), 'false');
      return attr(page, '[data-testid=heatmap]', 'data-view-end');
    };

    // someone reloading on purpose gets the live view
    await pin();
    await page.reload();
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live', 30_000);
    await waitFor(() => attr(page, '[data-testid=heatmap]', 'data-following'), 'true');
    // the reloaded page takes the gateway's buffer again before it can be pinned past the event
    await anHourPastTheEvent(page);

    // Chrome's discard is not reachable from the DevTools Protocol: the page is loaded again
    // as Chrome loads a discarded tab when it is shown, in the same tab (its sessionStorage
    // kept) with document.wasDiscarded true
    const pinnedEnd = await pin();
    await context.addInitScript(() =>
      Object.defineProperty(Document.prototype, 'wasDiscarded', { get: () => true }),
    );
    await page.reload();
    expect(
      await page.evaluate(() => (document as Document & { wasDiscarded?: boolean }).wasDiscarded),
    ).toBe(true);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live', 30_000);
    await waitFor(() => attr(page, '[data-testid=heatmap]', 'data-following'), 'false');
    expect(await attr(page, '[data-testid=heatmap]', 'data-view-end')).toBe(pinnedEnd);
    expect(page.url()).toBe(address);
  });
});
