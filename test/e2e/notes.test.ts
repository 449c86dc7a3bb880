/**
 * Live notes during an incident: an on-call engineer adds one from the page, every viewer sees
 * it within a second, it survives a gateway restart, and it can be edited and removed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, tempDir, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const event = (page: Page, title: string) =>
  page.locator('[data-testid=timeline-event]', { hasText: title });

async function openLive(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
  await waitFor(
    async () => Number(await attr(page, '[data-testid=feed]', 'data-newest-seq')) > 5,
    true,
  );
  return page;
}

describe('live notes', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let data: Awaited<ReturnType<typeof tempDir>>;
  let writer: Page;
  let viewer: Page;

  beforeAll(async () => {
    data = await tempDir();
    gateway = await startGateway(['--speed', '60', '--data', data.path]);
    browser = await launchBrowser();
    writer = await openLive(browser, gateway.url);
    viewer = await openLive(browser, gateway.url);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await data?.remove();
  });

  it('a note added with the N key reaches a second viewer within a second', async () => {
    await writer.keyboard.press('n');
    const form = writer.locator('[data-testid=note-form]');
    await form.locator('input[name=title]').fill('Rolled back LB config on lb-02');
    await form.locator('textarea[name=text]').fill('Traffic should even out in a minute.');
    await form.locator('select[name=kind]').selectOption('change');
    const sent = Date.now();
    await form.locator('button[type=submit]').click();
    await waitFor(() => event(viewer, 'Rolled back LB config on lb-02').count(), 1, 5_000);
    expect(Date.now() - sent).toBeLessThan(1_000);
    // the writer's form closes on the gateway's answer, which may come after the viewer has it
    await waitFor(() => form.count(), 0, 5_000);
    const id = await event(viewer, 'Rolled back LB config').getAttribute('data-annotation-id');
    expect(id).toMatch(/^note:/);
    expect(await event(viewer, 'Rolled back LB config').getAttribute('data-kind')).toBe('change');
    // and it is on the heatmap's time axis, in both pages
    for (const page of [writer, viewer]) {
      await waitFor(
        () => page.locator(`[data-testid=annotation][data-annotation-id="${id}"]`).count(),
        1,
      );
    }
  });

  it('a click on the heatmap adds a region note at that time', async () => {
    const canvas = writer.locator('[data-testid=heatmap] canvas');
    const box = (await canvas.boundingBox())!;
    await writer.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    const form = writer.locator('[data-testid=note-form]');
    const at = await form.locator('p.muted').innerText();
    const [, hh, mm] = /(\d\d):(\d\d):\d\d/.exec(at)!;
    const until = `${String((Number(hh) + 1) % 24).padStart(2, '0')}:${mm}`;
    await form.locator('input[name=title]').fill('Load test window');
    await form.locator('input[name=until]').fill(until);
    await form.locator('button[type=submit]').click();
    await waitFor(() => event(viewer, 'Load test window').count(), 1, 5_000);
    expect(await event(viewer, 'Load test window').locator('time').innerText()).toMatch(
      new RegExp(`^${hh}:${mm}–${until}$`),
    );
  });

  /**
   * A note of this test's own, added as a deploy pipeline would and shown on the writer's page:
   * what the tests after the first two start from, so any one of them runs alone.
   */
  async function posted(title: string): Promise<void> {
    const t = Number(await attr(writer, '[data-testid=heatmap]', 'data-view-end'));
    const res = await fetch(new URL('/api/annotations', gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, t, kind: 'change', title }),
    });
    expect(res.status).toBe(201);
    await waitFor(() => event(writer, title).count(), 1);
  }

  async function removeOnPage(title: string): Promise<void> {
    writer.once('dialog', (d) => void d.accept());
    await writer.locator(`button[aria-label=${JSON.stringify(`Remove ${title}`)}]`).click();
  }

  it('edits and removals reach every viewer', async () => {
    await posted('Canary window');
    const row = event(writer, 'Canary window');
    await row.locator('button', { hasText: 'edit' }).click();
    const form = writer.locator('[data-testid=note-form]');
    await form.locator('input[name=title]').fill('Canary window (cancelled)');
    await form.locator('button[type=submit]').click();
    await waitFor(() => event(viewer, 'Canary window (cancelled)').count(), 1, 5_000);
    expect(await event(viewer, 'Canary window').count()).toBe(1);

    await removeOnPage('Canary window (cancelled)');
    await waitFor(() => event(viewer, 'Canary window').count(), 0, 5_000);
  });

  it('keeps every note across a gateway restart, and a removed one stays removed', async () => {
    await posted('Kept across the restart');
    await posted('Removed before the restart');
    await removeOnPage('Removed before the restart');
    await waitFor(() => event(writer, 'Removed before the restart').count(), 0, 5_000);
    await gateway.stop();
    gateway = await startGateway(['--speed', '60', '--data', data.path], gateway.port);
    const fresh = await openLive(browser, gateway.url);
    await waitFor(() => event(fresh, 'Kept across the restart').count(), 1);
    expect(await event(fresh, 'Removed before the restart').count()).toBe(0);
    await fresh.close();
  });
});

describe('a gateway with a write token', () => {
  let browser: Browser;
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway(['--speed', '60', '--write-token', 'let-me-write']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('lets everyone read but only holders of the token write', async () => {
    const reader = await openLive(browser, gateway.url);
    await reader.keyboard.press('n');
    const form = reader.locator('[data-testid=note-form]');
    await form.locator('input[name=title]').fill('Should not be stored');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[role=alert]').innerText()).toContain('unauthorized');

    const holder = await openLive(browser, `${gateway.url}?token=let-me-write`);
    await holder.keyboard.press('n');
    const holderForm = holder.locator('[data-testid=note-form]');
    await holderForm.locator('input[name=title]').fill('Written with the token');
    await holderForm.locator('button[type=submit]').click();
    await waitFor(() => event(reader, 'Written with the token').count(), 1, 5_000);
    expect(await event(reader, 'Should not be stored').count()).toBe(0);
  });
});
