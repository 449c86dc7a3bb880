/**
 * A token given in the address bar (`?token=W`) leaves it at once and stays with the tab: the
 * page is live, can write a note (W implies R), still connects after a reload, and presents
 * the token to the API as `Authorization: Bearer`, never in a URL.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const READ = 'read-token-R';
const WRITE = 'write-token-W';

describe('a token in the address bar', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let page: Page;
  const requests: Request[] = [];

  beforeAll(async () => {
    gateway = await startGateway(['--speed', '60', '--token', READ, '--write-token', WRITE]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => requests.push(r));
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  const live = () => waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
  /**
   * The tab opened with the token, live with frames: what each test after the first starts
   * from, so any one of them runs alone (the first opens it itself).
   */
  const openedWithToken = async () => {
    if (!page.url().startsWith(gateway.url))
      await page.goto(`${gateway.url}?tz=UTC&token=${WRITE}`);
    await live();
    await waitFor(
      async () => Number(await attr(page, '[data-testid=feed]', 'data-newest-seq')) > 0,
      true,
    );
  };

  it('leaves the address bar, every other parameter kept, and the page is live', async () => {
    await page.goto(`${gateway.url}?tz=UTC&token=${WRITE}`);
    await live();
    const url = new URL(page.url());
    expect(url.searchParams.has('token')).toBe(false);
    expect(url.searchParams.get('tz')).toBe('UTC');
    expect(page.url()).not.toContain(WRITE);
  });

  it('lets the page write a note with the write token', async () => {
    await openedWithToken();
    await page.keyboard.press('n');
    const form = page.locator('[data-testid=note-form]');
    await form.locator('input[name=title]').fill('Written with W');
    await form.locator('button[type=submit]').click();
    await waitFor(() => form.count(), 0, 5_000);
    await waitFor(
      () => page.locator('[data-testid=timeline-event]', { hasText: 'Written with W' }).count(),
      1,
      5_000,
    );
  });

  it('connects again after a reload of the same tab', async () => {
    await openedWithToken();
    await page.reload();
    await live();
    expect(page.url()).not.toContain('token');
    await waitFor(
      async () => Number(await attr(page, '[data-testid=feed]', 'data-newest-seq')) > 0,
      true,
    );
  });

  it('exports with the token in a header, never in the URL', async () => {
    await openedWithToken();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=export-window]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^skewboard-\d+-\d+\.ndjson$/);
    const exported = requests.filter((r) => new URL(r.url()).pathname === '/api/recording');
    expect(exported).toHaveLength(1);
    expect(await exported[0]!.headerValue('authorization')).toBe(`Bearer ${WRITE}`);
    expect(new URL(exported[0]!.url()).searchParams.has('token')).toBe(false);
    // the download itself is of the fetched file: an object URL, not the gateway's
    expect(download.url()).toMatch(/^blob:/);
    // and no request the page made carried the token in its URL
    const first = requests.findIndex((r) => new URL(r.url()).pathname === '/');
    expect(requests.slice(first + 1).filter((r) => r.url().includes(WRITE))).toEqual([]);
  });
});
