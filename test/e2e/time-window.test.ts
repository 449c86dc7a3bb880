/**
 * The heatmap's time window in Debian's Chromium, against the real gateway playing the
 * 2024-05-15 incident: a live page fitted to the data it has, growing to the window chosen;
 * a link's ?from&to shown as they are; the choice kept in the address; axis labels apart;
 * notes at the same minute as one flag with a count. Each test its own gateway and page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupsAfterEach, until } from '../support/services';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const MIN = 60_000;
// the simulator's first frame: 09:30 local (UTC-4)
const SIM_START = Date.UTC(2024, 4, 15, 13, 30);
const HEATMAP = '[data-testid=heatmap]';

/** The heatmap's time range [from, to] in ms, once it has one; both read in one go. */
async function shownRange(page: Page): Promise<[number, number]> {
  let range: [number, number] = [NaN, NaN];
  await until(
    30_000,
    async () => {
      range = await page.evaluate((selector) => {
        const heatmap = document.querySelector(selector);
        const read = (name: string) => Number(heatmap?.getAttribute(name) || NaN);
        return [read('data-from'), read('data-to')] as [number, number];
      }, HEATMAP);
      return Number.isFinite(range[0]) && Number.isFinite(range[1]);
    },
    () => 'the heatmap never showed a time range',
  );
  return range;
}

interface Box {
  left: number;
  right: number;
}

/** The axis labels' and the zone label's boxes, all from one moment (the axis moves on). */
function axisBoxes(page: Page): Promise<{ labels: Box[]; zone: Box | undefined }> {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const zone = document.querySelector('.time-axis-zone');
    return {
      labels: [...document.querySelectorAll('.time-axis-label')].map(box),
      zone: zone ? box(zone) : undefined,
    };
  });
}

describe('the time window', () => {
  const later = cleanupsAfterEach();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function gateway(args: string[]): Promise<RunningGateway> {
    const gw = await startGateway(['--no-record', ...args]);
    later(() => gw.stop());
    return gw;
  }

  async function open(gw: RunningGateway, query: string, width = 1600): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    later(() => page.close());
    await page.goto(`${gw.url}${query}`);
    return page;
  }

  it('starts fitted to the data it has and grows to the window, 15 min at most', async () => {
    // 60x: a simulated minute a second
    const gw = await gateway(['--speed', '60']);
    const page = await open(gw, '?window=15m');
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    const [from, to] = await shownRange(page);
    // the first frames fill the view from its left edge: not 15 minutes of nothing
    expect(from).toBeLessThanOrEqual(SIM_START + 10_000);
    expect(to - from).toBeLessThan(15 * MIN);
    expect(to - from).toBeGreaterThanOrEqual(5 * MIN);
    // it grows with the data, and stops at the window
    let span = 0;
    await until(
      120_000,
      async () => {
        const [f, t] = await shownRange(page);
        span = t - f;
        expect(span).toBeLessThanOrEqual(15 * MIN);
        return t - SIM_START > 16 * MIN && span === 15 * MIN;
      },
      () => `the view spans ${span / MIN} min`,
    );
    // the chooser shows the window the address asked for
    expect(await attr(page, '[data-window="15m"]', 'aria-pressed')).toBe('true');
  });

  it('shows exactly the range of ?from&to, live and in a review', async () => {
    const gw = await gateway(['--speed', '60']);
    const from = SIM_START + 5 * MIN;
    const to = SIM_START + 20 * MIN;
    const live = await open(gw, `?from=${from}&to=${to}`);
    await waitFor(() => attr(live, '[data-testid=connection]', 'data-state'), 'live');
    expect(await shownRange(live)).toStrictEqual([from, to]);
    // pinned, with the way back to live
    expect(await attr(live, HEATMAP, 'data-following')).toBe('false');
    await live.locator('button.live-button').click();
    await waitFor(() => attr(live, HEATMAP, 'data-following'), 'true');

    const sample = '/samples/2024-05-15-lb-misconfig.ndjson.gz';
    const review = await open(gw, `?replay=${sample}&from=${from}&to=${to}`);
    await waitFor(() => attr(review, '[data-testid=connection]', 'data-state'), 'replay', 30_000);
    // the review's window, its cursor at the end
    await waitFor(() => attr(review, '[data-testid=replay-clock]', 'data-t'), String(to));
    expect(await shownRange(review)).toStrictEqual([from, to]);
  });

  it('keeps the window chosen in the address, every other parameter as written', async () => {
    const gw = await gateway(['--speed', '60']);
    const page = await open(gw, '?tz=UTC');
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    await page.locator('[data-testid=window-chooser] [data-window="1h"]').click();
    await expect.poll(() => new URL(page.url()).search).toBe('?tz=UTC&window=1h');
    expect(await attr(page, '[data-window="1h"]', 'aria-pressed')).toBe('true');
    // a reload, or the link sent to someone, opens the same window
    await page.reload();
    await waitFor(() => attr(page, '[data-window="1h"]', 'aria-pressed'), 'true');
    const [from, to] = await shownRange(page);
    expect(to - from).toBeLessThanOrEqual(60 * MIN);
    expect(await page.locator('.time-axis-zone').innerText()).toBe('UTC');
  });

  it('never overlaps two axis labels, nor a label and the zone', async () => {
    const gw = await gateway(['--speed', '120']);
    const sixHours = `from=${SIM_START}&to=${SIM_START + 6 * 60 * MIN}`;
    const cases = [
      // live: the view moves on with every frame and grows
      { name: 'live, 15m', query: 'window=15m', moving: true },
      { name: 'live, 6h', query: 'window=6h', moving: true },
      // a link's range does not move
      { name: '1h range', query: `from=${SIM_START}&to=${SIM_START + 60 * MIN}`, moving: false },
      { name: '6h range', query: sixHours, moving: false },
    ];
    for (const width of [1280, 700, 1920]) {
      for (const { name, query, moving } of cases) {
        const page = await open(gw, `?${query}&tz=America/New_York`, width);
        await shownRange(page);
        expect(await page.locator('.time-axis-zone').innerText()).toBe('UTC-4');
        // a look at each of a few frames
        for (let look = 0; look < (moving ? 4 : 1); look++) {
          const [, shownTo] = await shownRange(page);
          let seen: Awaited<ReturnType<typeof axisBoxes>> = { labels: [], zone: undefined };
          await until(
            30_000,
            async () => {
              seen = await axisBoxes(page);
              return seen.labels.length >= 2 && seen.zone !== undefined;
            },
            () => `${width} px, ${name}: ${seen.labels.length} labels`,
          );
          const boxes = seen.labels.sort((a, b) => a.left - b.left);
          for (const [i, box] of boxes.entries()) {
            const at = `${width} px, ${name}, label ${i} of ${JSON.stringify(boxes)}`;
            // side by side with room between, not merely on different lines
            if (i > 0) expect(box.left, at).toBeGreaterThan(boxes[i - 1]!.right);
            expect(box.right, at).toBeLessThanOrEqual(seen.zone!.left);
          }
          if (!moving) continue;
          await until(
            30_000,
            async () => (await shownRange(page))[1] !== shownTo,
            () => `${width} px, ${name}: the view stayed at ${shownTo}`,
          );
        }
        await page.close();
      }
    }
  });

  it('shows two notes at the same minute as one flag with their count', async () => {
    const gw = await gateway(['--speed', '30']);
    const page = await open(gw, '');
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    const minute = SIM_START + 2 * MIN;
    const ids: string[] = [];
    // seconds apart: a few pixels on a view of minutes
    for (const [offset, title] of [
      [5_000, 'Paged the on-call'],
      [9_000, 'Opened the incident channel'],
    ] as const) {
      const res = await fetch(`${gw.url}api/annotations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ v: 1, t: minute + offset, kind: 'note', title }),
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const group = page.locator('[data-testid=annotation-group]');
    await waitFor(() => group.count(), 1, 30_000);
    expect(await group.getAttribute('data-count')).toBe('2');
    expect(await group.innerText()).toBe('2');
    // each note keeps its own marker, inside the one flag's group
    const marker = page.locator('.annotation-group').locator('[data-testid=annotation]');
    expect(
      await marker.evaluateAll((m) => m.map((e) => e.getAttribute('data-annotation-id'))),
    ).toStrictEqual(ids);
    // and the flag's card lists both
    await group.focus();
    const card = page.locator('.annotation:focus-within .annotation-popover');
    await expect.poll(() => card.innerText()).toContain('Paged the on-call');
    expect(await card.innerText()).toContain('Opened the incident channel');
    expect(await card.innerText()).toContain('09:32:05 UTC-4');
  });
});
