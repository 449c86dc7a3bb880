/**
 * The seed incident, watched by an on-call tab: the detector says "load balancer" and names
 * the over-shared servers, on the page, in the tab's title and favicon, and as a notification.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const CHANGE_AT = Date.UTC(2024, 4, 15, 13, 55); // 09:55 UTC-4, the load-balancer change

describe('alerts on the seed incident', () => {
  let browser: Browser;
  let context: BrowserContext;
  let gateway: RunningGateway;
  let page: Page;

  beforeAll(async () => {
    gateway = await startGateway(['--speed', '300']);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['notifications'], { origin: gateway.url });
    // record what the page asks the browser to notify, and still notify
    await context.addInitScript(() => {
      const Real = window.Notification;
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body ?? '' });
        }
      }
      window.Notification = Recorded as typeof Notification;
    });
    page = await context.newPage();
    await page.goto(gateway.url);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  // the tests share one page and gateway; each waits for the moment of the incident it checks,
  // so any one of them runs alone
  const skew = () => page.locator('[data-testid=alert][data-rule=share-skew]');
  const skewFiring = () => waitFor(() => skew().count(), 1, 90_000);

  it('raises share-skew with cause load-balancer, naming exactly app-04 and app-07', async () => {
    const skew = page.locator('[data-testid=alert][data-rule=share-skew]');
    await skewFiring();
    expect(await skew.getAttribute('data-servers')).toBe('app-04,app-07');
    expect(await skew.getAttribute('data-cause')).toBe('load-balancer');
    expect(await skew.innerText()).toMatch(/app-04, app-07 get 2\.\dx their weighted share/);
    // the alert's start is on the time axis, within 30 s of the change
    const marker = page.locator(
      '[data-testid=annotation][data-kind=alert][data-annotation-id^="alert:share-skew:"]',
    );
    await waitFor(() => marker.count(), 1);
    const id = (await marker.getAttribute('data-annotation-id'))!;
    const firedAt = Number(id.split(':').at(-1));
    expect(firedAt - CHANGE_AT).toBeGreaterThan(0);
    expect(firedAt - CHANGE_AT).toBeLessThanOrEqual(30_000);
  });

  it('highlights the named servers in the heatmap and the bars', async () => {
    await skewFiring();
    for (const id of ['app-04', 'app-07']) {
      await waitFor(
        () => attr(page, `[data-testid=heatmap-row][data-server=${id}]`, 'data-alerting'),
        'true',
      );
      // the bars render just after the heatmap
      await waitFor(
        () => attr(page, `[data-testid=share-row][data-server=${id}]`, 'data-alerting'),
        'true',
      );
    }
    expect(await attr(page, '[data-testid=heatmap-row][data-server=app-01]', 'data-alerting')).toBe(
      'false',
    );
  });

  it('puts the alert in the tab title and favicon, and notifies', async () => {
    await skewFiring();
    await expect.poll(() => page.title()).toMatch(/^⚠ /);
    expect(await page.title()).toContain('app-04, app-07');
    expect(await attr(page, 'link[rel=icon]', 'href')).toBe('/favicon-alert.svg');
    const notified = () =>
      page.evaluate(() =>
        (
          window as unknown as { shownNotifications: { title: string; body: string }[] }
        ).shownNotifications.some(
          (n) => n.title.includes('share-skew') && n.body.includes('app-04'),
        ),
      );
    await waitFor(notified, true);
  });

  it('resolves after the 12:00 fix and the tab calms down', async () => {
    // the episode on the timeline gets its end when the alert resolves: until then no alert
    // count of zero says anything (before 09:55 there is none either)
    const episode = page.locator(
      '[data-testid=timeline-event][data-annotation-id^="alert:share-skew:"] time',
    );
    const ended = async () =>
      (await episode.count()) > 0 && /–/.test(await episode.first().innerText());
    await waitFor(ended, true, 120_000);
    expect(await episode.first().innerText()).toMatch(/^09:5\d–12:0\d$/);
    await waitFor(() => page.locator('[data-testid=alert]').count(), 0);
    await expect.poll(() => page.title()).toBe('Skewboard');
    expect(await attr(page, 'link[rel=icon]', 'href')).toBe('/favicon.svg');
  });
});
