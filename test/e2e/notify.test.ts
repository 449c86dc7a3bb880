/**
 * The page's desktop notifications, with the browser's Notification replaced by a recorder:
 * a replay of the 2024 incident never notifies nor puts a ⚠ in the title; live, a firing and
 * its resolution notify until the person turns it off; where the page cannot notify, it says why.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const SAMPLE = '/samples/2024-05-15-lb-misconfig.ndjson.gz';
const local = (hhmmss: string) => Date.parse(`2024-05-15T${hhmmss}-04:00`);

interface Recorded {
  title: string;
  body: string;
  tag: string;
}
interface Watched {
  notifications: Recorded[];
  titles: string[];
}

/** A Notification that records instead of showing, allowed; and every title the tab shows. */
function installRecorder() {
  const watched: Watched = { notifications: [], titles: [] };
  (window as unknown as { watched: Watched }).watched = watched;
  class RecordingNotification {
    static permission: NotificationPermission = 'granted';
    static requestPermission = () => Promise.resolve<NotificationPermission>('granted');
    constructor(title: string, options?: NotificationOptions) {
      watched.notifications.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
    }
    close() {}
  }
  Object.defineProperty(window, 'Notification', {
    value: RecordingNotification,
    configurable: true,
    writable: true,
  });
  const note = () => {
    if (watched.titles.at(-1) !== document.title) watched.titles.push(document.title);
  };
  new MutationObserver(note).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
}

const watched = (page: Page) =>
  page.evaluate(() => (window as unknown as { watched: Watched }).watched);
const notifications = async (page: Page) => (await watched(page)).notifications;
const toggleState = (page: Page) => attr(page, '[data-testid=notify-toggle]', 'data-state');

describe('desktop notifications', () => {
  let browser: Browser | undefined;
  let gateway: RunningGateway | undefined;

  afterEach(async () => {
    await browser?.close();
    await gateway?.stop();
    browser = undefined;
    gateway = undefined;
  });

  it('a replay of the incident, scrubbed and played through, never notifies nor shows ⚠', async () => {
    gateway = await startGateway(['--no-record']);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(installRecorder);
    const page = await context.newPage();
    await page.goto(`${gateway.url}?replay=${SAMPLE}`);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    await waitFor(() => page.locator('[data-testid=alerts-pending]').count(), 0);
    // allowed and on, but a replay is history: the toggle says it stays silent
    expect(await toggleState(page)).toBe('on');
    expect(await page.locator('[data-testid=notify-reason]').innerText()).toBe(
      'silent during a replay',
    );

    // scrub with the mouse from the start to the end, across the incident and its fix
    const box = (await page.locator('[data-testid=replay-scrub]').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / 40, y);
    await page.mouse.up();

    // a moment the alerts fire at the cursor: shown on the page, not in the title
    await page.locator('input[name=jump]').fill('10:30');
    await page.locator('input[name=jump]').press('Enter');
    await waitFor(() => page.locator('[data-testid=alert][data-rule=share-skew]').count(), 1);
    await waitFor(async () => (await page.title()).startsWith('Replay: '), true);

    // and played at 600x from before the change to past the fix
    await page.locator('input[name=jump]').fill('09:50');
    await page.locator('input[name=jump]').press('Enter');
    await page.locator('[data-testid=replay-speed]').selectOption('600');
    await page.locator('[data-testid=replay-play]').click();
    await waitFor(
      async () =>
        Number(await attr(page, '[data-testid=replay-clock]', 'data-t')) > local('12:05:00'),
      true,
      60_000,
    );
    await waitFor(() => page.locator('[data-testid=alert]').count(), 0);

    const seen = await watched(page);
    expect(seen.notifications).toEqual([]);
    expect(seen.titles.length).toBeGreaterThan(0);
    expect(seen.titles.filter((t) => t.includes('⚠'))).toEqual([]);
  });

  it('a gateway replaying the recording as if live never notifies nor shows ⚠', async () => {
    gateway = await startGateway([
      '--source',
      `replay:public${SAMPLE}`,
      '--speed',
      '600',
      '--no-record',
    ]);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(installRecorder);
    const page = await context.newPage();
    await page.goto(gateway.url);
    // the alerts come and go on the page, as the recording had them
    await waitFor(
      () => page.locator('[data-testid=alert][data-rule=share-skew]').count(),
      1,
      60_000,
    );
    expect(await page.title()).toBe('Replay: 2024-05-15-lb-misconfig.ndjson.gz · Skewboard');
    await waitFor(() => page.locator('[data-testid=alert]').count(), 0, 60_000);
    const seen = await watched(page);
    expect(seen.notifications).toEqual([]);
    expect(seen.titles.filter((t) => t.includes('⚠'))).toEqual([]);
  });

  it('live: a firing and its resolution notify; turned off, nothing more, and it stays off', async () => {
    // the skew fires from 09:55 to 12:00 of the incident: 25 s at this speed, time enough on
    // a loaded machine to see the title while it fires (12 s at 600x was not always)
    gateway = await startGateway(['--speed', '300', '--no-record']);
    browser = await launchBrowser();
    const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(installRecorder);
      const page = await context.newPage();
      await page.goto(gateway!.url);
      return { context, page };
    };
    // two people on the same gateway: one keeps notifications on, the other turns them off
    const keeps = await open();
    const quiets = await open();
    for (const { page } of [keeps, quiets]) await waitFor(() => toggleState(page), 'on');

    const firedSkew = async (page: Page) =>
      (await notifications(page)).some(
        (n) => n.title === '⚠ share-skew: app-04, app-07' && n.body.includes('2.'),
      );
    await waitFor(() => firedSkew(quiets.page), true, 90_000);
    // turned off in the same task as counting, so no notification slips between the two
    const before = await quiets.page.evaluate(() => {
      const n = (window as unknown as { watched: Watched }).watched.notifications.length;
      document.querySelector<HTMLButtonElement>('[data-testid=notify-toggle]')!.click();
      return n;
    });
    await waitFor(() => toggleState(quiets.page), 'off');
    expect(await quiets.page.evaluate(() => localStorage.getItem('skewboard.notify'))).toBe('off');

    expect(await firedSkew(keeps.page)).toBe(true);
    await expect.poll(() => keeps.page.title(), { timeout: 30_000 }).toMatch(/^⚠ \d firing · /);

    // the 12:00 fix: the one who kept them on is told; the other is not
    const resolvedSkew = async (page: Page) =>
      (await notifications(page)).some(
        (n) => n.title === '✓ resolved: share-skew: app-04, app-07' && n.body.includes('recovered'),
      );
    await waitFor(() => resolvedSkew(keeps.page), true, 90_000);
    for (const { page } of [keeps, quiets]) {
      await waitFor(() => page.locator('[data-testid=alert]').count(), 0);
    }
    await waitFor(() => keeps.page.title(), 'Skewboard');
    const kept = await notifications(keeps.page);
    expect(kept.filter((n) => n.title.startsWith('⚠ ')).length).toBe(3); // share, latency, errors
    expect(kept.filter((n) => n.title.startsWith('✓ resolved: ')).length).toBe(3);
    expect((await notifications(quiets.page)).length).toBe(before);

    // remembered by this browser: a reload shows it off
    await quiets.page.reload();
    await waitFor(() => toggleState(quiets.page), 'off');
  });

  it('asked and refused by the person, the toggle says the browser blocks it', async () => {
    gateway = await startGateway(['--no-record']);
    browser = await launchBrowser();
    const context = await browser.newContext();
    // a browser that has not been asked yet, and whose person answers "block"
    await context.addInitScript(() => {
      class AskingNotification {
        static permission: NotificationPermission = 'default';
        static requestPermission() {
          AskingNotification.permission = 'denied';
          return Promise.resolve<NotificationPermission>('denied');
        }
      }
      Object.defineProperty(window, 'Notification', {
        value: AskingNotification,
        configurable: true,
        writable: true,
      });
    });
    const page = await context.newPage();
    await page.goto(gateway.url);
    await waitFor(() => toggleState(page), 'off');
    await page.locator('[data-testid=notify-toggle]').click();
    await waitFor(() => toggleState(page), 'blocked');
    expect(await page.locator('[data-testid=notify-toggle]').innerText()).toBe(
      'Notify me of alerts: blocked by the browser',
    );
    expect(await page.locator('[data-testid=notify-reason]').innerText()).toBe(
      "allow notifications for this site in the browser's settings",
    );
  });

  it('with no Notification in the browser, the toggle says it is unavailable and why', async () => {
    gateway = await startGateway(['--no-record']);
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      delete (window as unknown as { Notification?: unknown }).Notification;
    });
    const page = await context.newPage();
    await page.goto(gateway.url);
    await waitFor(() => toggleState(page), 'unavailable');
    const toggle = page.locator('[data-testid=notify-toggle]');
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.innerText()).toBe('Notify me of alerts: unavailable');
    expect(await page.locator('[data-testid=notify-reason]').innerText()).toBe(
      'this browser has no desktop notifications',
    );
  });

  it('on plain HTTP off localhost, the toggle says notifications need HTTPS', async () => {
    gateway = await startGateway(['--no-record']);
    // a name that is not localhost, on this machine: a page that is not a secure context
    const origin = `http://skewboard.test:${gateway.port}`;
    browser = await launchBrowser(['--host-resolver-rules=MAP skewboard.test 127.0.0.1']);
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await waitFor(() => toggleState(page), 'unavailable');
    expect(await page.locator('[data-testid=notify-reason]').innerText()).toBe(
      'needs HTTPS or localhost',
    );
  });
});
