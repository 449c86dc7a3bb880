/**
 * The founding postmortem imported over the simulated incident: its seven events land on the
 * data, the 10:00 alert where app-04's latency has climbed and the 12:00 fix where it recovers.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const SEED = join(ROOT, 'public', 'samples', '2024-05-15-lb-misconfig.md');
// an event picked an hour or more before the newest frame pins the view with it in the middle
const PINS_ALERT = Date.UTC(2024, 4, 15, 15, 5); // 11:05 UTC-4, for the 10:00 alert
const PINS_FIX = Date.UTC(2024, 4, 15, 17, 5); // 13:05 UTC-4, for the 12:00 fix
const MINUTE_MS = 60_000;

/** Brightness (0-255) of app-04's heatmap cell `minutes` from the flag of an annotation. */
async function app04Brightness(page: Page, annotationId: string, minutes: number): Promise<number> {
  const canvas = (await page.locator('[data-testid=heatmap] canvas').boundingBox())!;
  const flag = (await page
    .locator(`[data-testid=annotation][data-annotation-id="${annotationId}"]`)
    .boundingBox())!;
  const span =
    Number(await attr(page, '[data-testid=heatmap]', 'data-to')) -
    Number(await attr(page, '[data-testid=heatmap]', 'data-from'));
  const x = flag.x + flag.width / 2 - canvas.x + (minutes * MINUTE_MS * canvas.width) / span;
  const y = canvas.height * (3.5 / 10); // app-04 is the fourth of ten rows
  return page.evaluate(
    ([fx, fy]) => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=heatmap] canvas')!;
      const [r, g, b] = c
        .getContext('2d')!
        .getImageData(
          Math.floor((fx! * c.width) / c.clientWidth),
          Math.floor((fy! * c.height) / c.clientHeight),
          1,
          1,
        ).data;
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    },
    [x, y],
  );
}

/**
 * After a click on a timeline event: the view pinned at it and its flag still, so the pixels
 * read are those of the pinned view, not of the live one sliding under it.
 */
async function pinnedAt(page: Page, annotationId: string): Promise<void> {
  await waitFor(() => attr(page, '[data-testid=heatmap]', 'data-following'), 'false');
  const flag = page.locator(`[data-testid=annotation][data-annotation-id="${annotationId}"]`);
  let last = '';
  await waitFor(
    async () => {
      const [box, end] = [
        await flag.boundingBox(),
        await attr(page, '[data-testid=heatmap]', 'data-view-end'),
      ];
      const now = JSON.stringify([box, end]);
      const still = box !== null && now === last;
      last = now;
      if (!still) await page.waitForTimeout(150);
      return still;
    },
    true,
    10_000,
  );
}

describe('the seed postmortem over the seed incident', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let page: Page;

  beforeAll(async () => {
    // 300x: the page's store keeps two hours, 24 s of this run, so a view pinned an hour back
    // stays in it for as long as a busy machine takes to read it
    gateway = await startGateway(['--speed', '300']);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(gateway.url);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
  });

  /** each check waits for its moment, then pins the view by picking an event on the timeline */
  const newestPast = async (t: number) => {
    // back to following the newest frame when a pin holds the view (a 100 ms click attempt
    // could time out on a loaded machine and leave the view pinned for good)
    const live = page.locator('button.live-button');
    if ((await live.count()) > 0) await live.click();
    const newest = async () => Number(await attr(page, '[data-testid=heatmap]', 'data-view-end'));
    await waitFor(async () => (await newest()) > t, true, 90_000);
  };

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const importedEvents = () =>
    page.locator('[data-testid=timeline-event][data-annotation-id^="import:"]');
  const importSeed = async () => {
    await page.locator('[data-testid=import-postmortem]').setInputFiles(SEED);
    await waitFor(() => attr(page, '[data-testid=import-report]', 'data-imported'), '7');
  };

  it('imports its seven events, in the incident zone', async () => {
    await importSeed();
    const imported = page.locator('[data-testid=timeline-event][data-annotation-id^="import:"]');
    expect(await imported.locator('time').allInnerTexts()).toEqual([
      '10:00',
      '10:05',
      '10:30',
      '10:45',
      '11:00',
      '11:30',
      '12:00',
    ]);
    expect(
      await imported.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))),
    ).toEqual([
      'detected',
      'investigating',
      'investigating',
      'investigating',
      'escalated',
      'identified',
      'resolved',
    ]);
  });

  it(
    'puts the 10:00 alert where latency has climbed and the 12:00 fix where it recovers',
    {
      timeout: 240_000,
    },
    async () => {
      // the events imported by the test before, or imported here when it runs alone
      if ((await importedEvents().count()) !== 7) await importSeed();
      const ids = await page
        .locator('[data-testid=timeline-event][data-annotation-id^="import:"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')!));
      const [alertId, fixId] = [ids[0]!, ids[6]!];

      await newestPast(PINS_ALERT);
      await page
        .locator(
          `[data-testid=timeline-event][data-annotation-id="${alertId}"] button.timeline-event`,
        )
        .click();
      await pinnedAt(page, alertId);
      const before = await app04Brightness(page, alertId, -10);
      const at = await app04Brightness(page, alertId, +1);
      // inferno: a healthy ~100 ms p95 is dark purple, seconds are bright yellow
      expect(before).toBeLessThan(80);
      expect(at).toBeGreaterThan(180);

      await newestPast(PINS_FIX);
      await page
        .locator(
          `[data-testid=timeline-event][data-annotation-id="${fixId}"] button.timeline-event`,
        )
        .click();
      await pinnedAt(page, fixId);
      expect(await app04Brightness(page, fixId, -5)).toBeGreaterThan(180);
      expect(await app04Brightness(page, fixId, +5)).toBeLessThan(80);
      await page.screenshot({ path: join(ROOT, 'test-results', 'postmortem-import.png') });
    },
  );
});
