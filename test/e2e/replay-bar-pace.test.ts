/**
 * The replay bar's pace, in Debian's Chromium: while the sample incident plays, the bar's
 * clock moves about ten times a second (not on every animation frame), and a seek made while
 * it plays shows on the bar at once, not at the bar's next turn.
 */
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach } from '../support/services';
import { launchBrowser, startGateway } from './harness';
import { attr, waitFor } from './wait';

const later = cleanupsAfterEach();
const local = (hhmmss: string) => Date.parse(`2024-05-15T${hhmmss}-04:00`);
const SAMPLE = '/samples/2024-05-15-lb-misconfig.ndjson.gz';

describe('the replay bar while playing', () => {
  it('moves its clock about ten times a second, and shows a seek at once', async () => {
    const gateway = await startGateway([]);
    later(() => gateway.stop());
    const browser = await launchBrowser();
    later(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const at = local('09:31:00');
    await page.goto(`${gateway.url}/?replay=${encodeURIComponent(SAMPLE)}&t=${at}`);
    await waitFor(() => attr(page, '[data-testid=replay-clock]', 'data-t'), String(at), 30_000);
    await waitFor(() => page.locator('[data-testid=alerts-pending]').count(), 0, 30_000);
    // 10x: three wall seconds play 30 s of a recording that runs for hours
    await page.locator('[data-testid=replay-speed]').selectOption('10');
    await page.locator('[data-testid=replay-play]').click();
    await waitFor(() => attr(page, '[data-testid=replay-play]', 'aria-label'), 'Pause');

    const seen = await page.evaluate(async () => {
      const clock = document.querySelector('[data-testid=replay-clock]')!;
      const read = () => Number(clock.getAttribute('data-t'));
      const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
      let changes = 0;
      let frames = 0;
      let last = read();
      const from = performance.now();
      while (performance.now() - from < 3000) {
        await nextFrame();
        frames++;
        if (read() !== last) changes++;
        last = read();
      }
      const seconds = (performance.now() - from) / 1000;
      // a minute on, by the keyboard, while it plays: the bar shows it before the next frame
      const before = read();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      await new Promise((r) => setTimeout(r));
      return { changes, frames, seconds, before, after: read() };
    });
    await page.locator('[data-testid=replay-play]').click();

    expect(seen.changes).toBeGreaterThan(3);
    expect(seen.changes / seen.seconds).toBeLessThanOrEqual(15);
    // more frames went by than the clock moved: it is not drawn on each one
    expect(seen.frames).toBeGreaterThan(seen.changes);
    expect(seen.after - seen.before).toBeGreaterThanOrEqual(60_000);
  });
});
