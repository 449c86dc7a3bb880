/**
 * A hostile postmortem imported on the live page: 1 MiB of the text the parser finds slowest
 * (lines of a single markup character), after a timeline of two entries. The page reads it in
 * a worker, so its own thread never stalls while the document is read (a read on the main
 * thread is one task of most of a second), and the two entries land.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, tempDir, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

/** the longest main-thread task allowed while the document is read; reading it there takes longer */
const LONGEST_TASK_MS = 300;

describe('a hostile postmortem on the page', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir();
    gateway = await startGateway([]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await dir?.remove();
  });

  it('is read beside the page: no long task, and its entries land', async () => {
    const head = [
      '# Postmortem',
      'Date: 2024-05-15. All times are UTC.',
      '',
      '## Timeline',
      '- 10:00 The latency alert fired',
      '- 10:30 The pool was rebalanced',
      '',
      '## Appendix',
      '',
    ].join('\n');
    const file = join(dir.path, 'hostile.md');
    writeFileSync(file, head + '\n~'.repeat((2 ** 20 - head.length - 1_000) / 2));

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(gateway.url);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    await page.evaluate(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const task of list.getEntries())
          w.longestTask = Math.max(w.longestTask, task.duration);
      }).observe({ type: 'longtask' });
    });
    await page.locator('[data-testid=import-postmortem]').setInputFiles(file);
    await waitFor(() => attr(page, '[data-testid=import-report]', 'data-imported'), '2', 60_000);
    const imported = page.locator('[data-testid=timeline-event][data-annotation-id^="import:"]');
    const times = await imported
      .locator('time')
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
    expect(times).toEqual(['2024-05-15T10:00:00.000Z', '2024-05-15T10:30:00.000Z']);
    const longest = await page.evaluate(
      () => (window as unknown as { longestTask: number }).longestTask,
    );
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    await page.close();
  });
});
