/**
 * The README's pictures of the page on a wall and on a phone: the seed incident, its alerts
 * firing, at each size, written to docs/. A 4K wall is laid out at 3840x2160 and drawn at half
 * scale, so its picture stays small. Run after `npm run build`:
 *   npx tsx test/e2e/wall-screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { until } from '../support/services';
import { launchBrowser, ROOT, startGateway } from './harness';

const DOCS = join(ROOT, 'docs');
const SHOTS: { file: string; query: string; options: BrowserContextOptions }[] = [
  { file: 'wall-720p.png', query: '?kiosk', options: { viewport: { width: 1280, height: 720 } } },
  {
    file: 'wall-1080p.png',
    query: '?kiosk',
    options: { viewport: { width: 1920, height: 1080 } },
  },
  {
    file: 'wall-2160p.png',
    query: '?kiosk',
    options: { viewport: { width: 3840, height: 2160 }, deviceScaleFactor: 0.5 },
  },
  {
    file: 'phone-390.png',
    query: '',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
  {
    file: 'phone-360.png',
    query: '',
    options: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  },
];

const gateway = await startGateway(['--speed', '60', '--no-record']);
const browser = await launchBrowser();
try {
  mkdirSync(DOCS, { recursive: true });
  const pages: Page[] = [];
  for (const shot of SHOTS) {
    const page = await (await browser.newContext(shot.options)).newPage();
    await page.goto(gateway.url + shot.query);
    pages.push(page);
  }
  // the three alerts firing, and the incident's first notes on the timeline
  const ready = async (page: Page) =>
    (await page.locator('[data-testid=alert]').count()) === 3 &&
    Number(await page.locator('[data-testid=timeline]').getAttribute('data-count')) >= 6 &&
    (await page.locator('[data-testid=share-bars] .recharts-bar-rectangle').count()) > 0;
  for (const page of pages) {
    await until(
      180_000,
      () => ready(page),
      () => `not ready\n${gateway.output()}`,
    );
  }
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: join(DOCS, SHOTS[i]!.file) });
    console.log(`docs/${SHOTS[i]!.file}`);
  }
} finally {
  await browser.close();
  await gateway.stop();
}
