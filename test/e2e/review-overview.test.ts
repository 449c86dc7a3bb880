/**
 * The whole incident at a glance, in Debian's Chromium: the shipped sample opened for review
 * without `?t=` lands on its first alert, with a strip under the scrub bar spanning the whole
 * recording (CONTRACT.md section 5, `overview`), every note and alert flagged on it from the
 * start, those past the cursor dimmed, the heatmap's window outlined and time labels under it;
 * a click or a drag on the strip moves the cursor to the time under the pointer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { detectAlerts } from '../../src/core/detector';
import { parseRecording } from '../../src/core/recording/recording';
import { unpackRecording } from '../../src/core/recording/recording-contents';
import { cleanupsAfterEach, until } from '../support/services';
import { launchBrowser, ROOT, startGateway } from './harness';
import { attr, waitFor } from './wait';

const later = cleanupsAfterEach();
const SAMPLE = '/samples/2024-05-15-lb-misconfig.ndjson.gz';

// what the sample holds, worked out here from the file, not by the page
const contents = unpackRecording(
  parseRecording(gunzipSync(readFileSync(join(ROOT, 'public', SAMPLE))).toString('utf8')).payloads,
);
const FIRST_T = contents.frames[0]!.t;
const LAST_T = contents.frames.at(-1)!.t;
const INTERVAL = contents.hello.intervalMs;
const alertEvents = detectAlerts(contents.detectorInput);
const FIRST_ALERT = alertEvents.find((e) => e.state === 'firing')!;
/** every note and alert episode the strip flags */
const EVENTS = contents.annotations.length + alertEvents.filter((e) => e.state === 'firing').length;

const cursor = async (page: Page) =>
  Number(await attr(page, '[data-testid=replay-clock]', 'data-t'));

/** A review of the sample opened without a time, its alerts worked out. */
async function openReview(): Promise<Page> {
  const gateway = await startGateway(['--no-record']);
  later(() => gateway.stop());
  const browser = await launchBrowser();
  later(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${gateway.url}?replay=${SAMPLE}`);
  await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay', 30_000);
  await waitFor(() => page.locator('[data-testid=alerts-pending]').count(), 0, 30_000);
  await page.locator('[data-testid=overview]').waitFor();
  return page;
}

/** The strip's box on screen. */
async function stripBox(page: Page) {
  const box = await page.locator('[data-testid=overview]').boundingBox();
  if (!box) throw new Error('the overview is not on screen');
  return box;
}

interface FlagState {
  t: number;
  count: number;
  after: string | null;
  opacity: number;
  visible: boolean;
}

/** Every flag on the strip: its time, how many events it stands for, and how it shows. */
function flags(page: Page): Promise<FlagState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=overview-flag]')].map((f) => {
      const r = f.getBoundingClientRect();
      return {
        t: Number(f.getAttribute('data-t')),
        count: Number(f.getAttribute('data-count')),
        after: f.getAttribute('data-after-cursor'),
        opacity: Number(getComputedStyle(f).opacity),
        visible: r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight,
      };
    }),
  );
}

/** Each flag is dimmed exactly when it stands past the cursor at `at`. */
async function expectFlagsDimmedPast(page: Page, at: number): Promise<void> {
  const shown = await flags(page);
  expect(shown.reduce((n, f) => n + f.count, 0)).toBe(EVENTS);
  for (const f of shown) {
    expect(f.visible).toBe(true);
    expect(f.after).toBe(String(f.t > at));
    if (f.t > at) expect(f.opacity).toBeLessThan(1);
    else expect(f.opacity).toBe(1);
  }
}

/** How far from the time under a point the cursor may land: a pixel's time and the frame grid. */
const tolerance = (width: number) => (LAST_T - FIRST_T) / width + INTERVAL;

describe('the review at a glance', () => {
  it('opens without ?t= at the first alert, the whole recording under the scrub bar', async () => {
    const page = await openReview();
    // the first alert the detector fires on these frames, and it is firing on screen
    await waitFor(() => cursor(page), FIRST_ALERT.t);
    expect(FIRST_ALERT.t).toBeGreaterThan(FIRST_T);
    await waitFor(
      () => page.locator(`[data-testid=alert][data-rule=${FIRST_ALERT.rule}]`).count(),
      1,
    );

    // the strip spans the first frame to the last, under the scrub bar
    expect(Number(await attr(page, '[data-testid=overview]', 'data-from'))).toBe(FIRST_T);
    expect(Number(await attr(page, '[data-testid=overview]', 'data-to'))).toBe(LAST_T);
    const box = await stripBox(page);
    const scrub = (await page.locator('[data-testid=replay-scrub]').boundingBox())!;
    expect(box.y).toBeGreaterThan(scrub.y + scrub.height - 1);
    expect(box.width).toBeGreaterThan(scrub.width * 0.9);

    // its canvas has one pixel column per CSS pixel of the strip
    const canvasWidth = await page.evaluate(
      () => document.querySelector<HTMLCanvasElement>('.overview-canvas')!.width,
    );
    expect(canvasWidth).toBe(Math.round(box.width));

    // the heatmap's window outlined: ending at the cursor, as the heatmap does
    const windowTo = Number(await attr(page, '[data-testid=overview-window]', 'data-to'));
    expect(windowTo).toBe(await cursor(page));
    expect(Number(await attr(page, '[data-testid=heatmap]', 'data-to'))).toBe(windowTo);
    const outline = (await page.locator('[data-testid=overview-window]').boundingBox())!;
    const cursorX = box.x + ((windowTo - FIRST_T) / (LAST_T - FIRST_T)) * box.width;
    expect(Math.abs(outline.x + outline.width - cursorX)).toBeLessThan(3);

    // every note and alert flagged from the start; those past the cursor dimmed
    await expectFlagsDimmedPast(page, FIRST_ALERT.t);
    expect((await flags(page)).some((f) => f.t > FIRST_ALERT.t)).toBe(true);
    expect(await page.locator('[data-testid=overview-alert]').count()).toBeGreaterThan(0);

    // time labels under the strip, in order, never overlapping
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('.overview .time-axis-label')].map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? '', left: r.left, right: r.right };
      }),
    );
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const [i, label] of labels.entries()) {
      expect(label.text).toMatch(/^\d\d:\d\d$/);
      expect(label.left).toBeGreaterThanOrEqual(box.x - 1);
      expect(label.right).toBeLessThanOrEqual(box.x + box.width + 1);
      if (i > 0) expect(label.left).toBeGreaterThan(labels[i - 1]!.right);
    }
  });

  it('a click on the strip moves the cursor to the time under it; a drag follows the pointer', async () => {
    const page = await openReview();
    await waitFor(() => cursor(page), FIRST_ALERT.t);
    const box = await stripBox(page);
    const y = box.y + box.height / 2;
    const timeAt = (fraction: number) => FIRST_T + fraction * (LAST_T - FIRST_T);
    const lands = (fraction: number) =>
      until(
        20_000,
        async () => Math.abs((await cursor(page)) - timeAt(fraction)) <= tolerance(box.width),
        () => `the cursor never came near ${timeAt(fraction)}`,
      );

    await page.mouse.click(box.x + box.width * 0.75, y);
    await lands(0.75);
    const clicked = await cursor(page);
    // the view follows: the heatmap and its outline end at the cursor, the flags re-dimmed
    await waitFor(
      async () => Number(await attr(page, '[data-testid=heatmap]', 'data-to')),
      clicked,
    );
    expect(Number(await attr(page, '[data-testid=overview-window]', 'data-to'))).toBe(clicked);
    await expectFlagsDimmedPast(page, clicked);

    // a drag from a fifth of the way to past the right end: the cursor follows, then holds
    // the last frame
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    await lands(0.2);
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + box.width * (0.2 + i * 0.04), y);
    }
    await lands(0.6);
    await page.mouse.move(box.x + box.width + 40, y);
    await waitFor(() => cursor(page), LAST_T);
    await page.mouse.up();
    await expectFlagsDimmedPast(page, LAST_T);
  });
});
