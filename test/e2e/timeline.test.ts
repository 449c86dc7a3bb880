/**
 * The incident timeline on the page: events in order, a click moves the view to one, and
 * times read in the incident's zone, in UTC or in the browser's, with the offset in sight.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const ALERT_AT = Date.UTC(2024, 4, 15, 14, 0); // 10:00 UTC-4, the latency alert
const HOUR = 3600_000;

describe('the timeline and time zones', () => {
  let browser: Browser;
  let gateway: RunningGateway;

  beforeAll(async () => {
    // 600x: by 10 s in, the simulated clock is past 11:00 local
    gateway = await startGateway(['--speed', '600']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  async function open(query = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${gateway.url}${query}`);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    return page;
  }

  it('lists the events in time order and moves the view to the one clicked', async () => {
    const page = await open();
    const alert = page.locator(
      '[data-testid=timeline-event][data-annotation-id="lb-misconfig:10:00"]',
    );
    // the incident's own events; the detector's alerts are listed too, but are not checked here
    const events = page.locator('[data-testid=timeline-event]:not([data-kind=alert])');
    await waitFor(() => events.count(), 8, 60_000);
    const times = await events.locator('time').allInnerTexts();
    expect(times.slice(0, 8)).toEqual([
      '09:55',
      '10:00',
      '10:05',
      '10:30',
      '10:45',
      '11:00',
      '11:30',
      '12:00',
    ]);
    await waitFor(
      async () =>
        Number(await attr(page, '[data-testid=heatmap]', 'data-view-end')) > ALERT_AT + 1.2 * HOUR,
      true,
      60_000,
    );

    await alert.locator('button.timeline-event').click();
    // the heatmap's labels and markers follow the view at a human pace: within moments
    await expect.poll(() => attr(page, '[data-testid=heatmap]', 'data-following')).toBe('false');
    // the heatmap spans two hours: the event sits in its middle
    await expect
      .poll(async () => Number(await attr(page, '[data-testid=heatmap]', 'data-view-end')))
      .toBe(ALERT_AT + HOUR);
    const marker = page.locator(
      '[data-testid=annotation][data-annotation-id="lb-misconfig:10:00"]',
    );
    const plot = (await page.locator('[data-testid=heatmap] canvas').boundingBox())!;
    await expect
      .poll(async () => {
        const flag = (await marker.boundingBox())!;
        return Math.abs(flag.x + flag.width / 2 - (plot.x + plot.width / 2));
      })
      .toBeLessThan(plot.width * 0.01);

    await page.locator('button.live-button').click();
    await expect.poll(() => attr(page, '[data-testid=heatmap]', 'data-following')).toBe('true');
    await page.close();
  });

  it("shows the seed's 10:00 AM UTC-4 as 14:00 UTC, switchable and kept in the URL", async () => {
    const page = await open();
    const alertTime = page.locator(
      '[data-testid=timeline-event][data-annotation-id="lb-misconfig:10:00"] time',
    );
    await waitFor(() => alertTime.count(), 1, 30_000);
    expect(await alertTime.innerText()).toBe('10:00');
    expect(await page.locator('.time-axis-zone').innerText()).toBe('UTC-4');
    await expect.poll(() => page.locator('[data-testid=clock]').innerText()).toMatch(/ UTC-4$/);

    await page.locator('[data-testid=zone]').selectOption('UTC');
    expect(await alertTime.innerText()).toBe('14:00');
    expect(await page.locator('.time-axis-zone').innerText()).toBe('UTC');
    await expect.poll(() => page.locator('[data-testid=clock]').innerText()).toMatch(/ UTC$/);
    expect(new URL(page.url()).searchParams.get('tz')).toBe('UTC');

    // a link with the zone opens in that zone
    await page.reload();
    await waitFor(() => alertTime.count(), 1, 30_000);
    expect(await alertTime.innerText()).toBe('14:00');
    await page.close();
  });

  it('reads ?tz= as an IANA name or an offset, and says so when it cannot', async () => {
    const tokyo = await open('?tz=Asia/Tokyo');
    const alertTime = (p: Page) =>
      p.locator('[data-testid=timeline-event][data-annotation-id="lb-misconfig:10:00"] time');
    await waitFor(() => alertTime(tokyo).count(), 1, 30_000);
    expect(await alertTime(tokyo).innerText()).toBe('23:00');
    expect(await tokyo.locator('.time-axis-zone').innerText()).toBe('UTC+9');
    await tokyo.close();

    const offset = await open('?tz=+05:30');
    await waitFor(() => alertTime(offset).count(), 1, 30_000);
    expect(await alertTime(offset).innerText()).toBe('19:30');
    await offset.close();

    const bad = await open('?tz=Mars/Olympus');
    expect(await bad.locator('.zone-warning').innerText()).toContain('Mars/Olympus');
    await waitFor(() => alertTime(bad).count(), 1, 30_000);
    expect(await alertTime(bad).innerText()).toBe('10:00');
    await bad.close();
  });
});
