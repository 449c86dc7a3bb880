/**
 * The page from the keyboard, as someone who does not use a mouse meets it: `?` lists the
 * shortcuts live and in a review, the dialog takes the focus and gives it back, `G` and `g`
 * both jump, and Tab never stops on something with nothing to say (a chart's inner layers).
 */
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

let browser: Browser;
const open: { gateway: RunningGateway; page: Page }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  for (const { gateway, page } of open.splice(0)) {
    await page.close();
    await gateway.stop();
  }
});
afterAll(async () => {
  await browser?.close();
});

/** A page of its own on a gateway of its own, at `path`, once the share bars have drawn. */
async function openPage(path = '/'): Promise<Page> {
  const gateway = await startGateway(['--speed', '240']);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  open.push({ gateway, page });
  await page.goto(gateway.url + path);
  await page.locator('[data-testid=share-bars] svg').first().waitFor({ timeout: 30_000 });
  return page;
}

const focusedInside = (page: Page, selector: string) =>
  page.evaluate((sel) => document.activeElement?.closest(sel) !== null, selector);
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('the shortcuts dialog', () => {
  it('opens with ? on the live page, takes the focus, and Escape gives it back', async () => {
    const page = await openPage();
    await page.locator('button[aria-label="Keyboard shortcuts"]').focus();
    await page.keyboard.press('?');
    const help = page.locator('[data-testid=shortcuts-help]');
    await help.waitFor();
    expect(await help.getAttribute('role')).toBe('dialog');
    expect(await help.innerText()).toMatch(/N\s+write a note/);
    // live, the replay's keys would do nothing: they are not listed
    expect(await help.innerText()).not.toMatch(/play \/ pause/);
    expect(await focusedInside(page, '[data-testid=shortcuts-help]')).toBe(true);
    // Tab stays inside a modal dialog
    await page.keyboard.press('Tab');
    expect(await focusedInside(page, '[data-testid=shortcuts-help]')).toBe(true);
    await page.keyboard.press('Escape');
    await waitFor(() => help.count(), 0);
    expect(await focusedLabel(page)).toBe('Keyboard shortcuts');
  });

  it('lists the replay keys in a review, and ? closes it again', async () => {
    const page = await openPage('/?replay=/samples/2024-05-15-lb-misconfig.ndjson.gz');
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    await page.keyboard.press('?');
    const help = page.locator('[data-testid=shortcuts-help]');
    expect(await help.innerText()).toMatch(/Space\s+play \/ pause/);
    expect(await help.innerText()).toMatch(/G\s+jump to a time/);
    await page.keyboard.press('?');
    await waitFor(() => help.count(), 0);
  });

  it('jumps to a time with G and with g', async () => {
    const page = await openPage('/?replay=/samples/2024-05-15-lb-misconfig.ndjson.gz');
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    for (const key of ['G', 'g']) {
      await page.locator('body').focus();
      await page.keyboard.press(key);
      await waitFor(() => focusedLabel(page), 'Jump to time');
      await page.keyboard.press('Escape');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    }
  });
});

describe('Tab through the live page', () => {
  it('stops only on controls that say what they are, never inside a chart', async () => {
    const page = await openPage();
    // the alerts and their flags, so the page has all it will have to Tab through
    await page.locator('[data-testid=annotation]').first().waitFor({ timeout: 60_000 });
    await page.locator('body').focus();
    const stops: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim();
        return { tag: e.tagName, inSvg: e.closest('svg') !== null, name };
      });
      if (stop === null) break;
      stops.push(`${stop.tag} ${stop.name.slice(0, 40)}`);
      expect(stop.inSvg, `Tab stopped inside a chart: ${stop.tag}`).toBe(false);
      expect(stop.name, `Tab stopped on a ${stop.tag} with no name`).not.toBe('');
    }
    // and it did go round the page's controls
    expect(stops.some((s) => s.startsWith('BUTTON Snapshot'))).toBe(true);
    expect(stops.length).toBeGreaterThan(5);
  });
});
