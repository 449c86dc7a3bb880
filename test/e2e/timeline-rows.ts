import type { Page } from 'playwright-core';

/**
 * Every title in the timeline, scrolled through from the top: the list renders only the rows
 * in view (virtualised), so reading it whole means scrolling it whole.
 */
export async function allTimelineTitles(page: Page): Promise<string[]> {
  const strip = page.locator('[data-testid=timeline]');
  const titles = new Map<string, string>();
  await strip.evaluate((el) => el.scrollTo(0, 0));
  for (;;) {
    // the rows for this offset are rendered: the last reaches the bottom, or is the last row
    await strip.evaluate(
      (el) =>
        new Promise<void>((resolve) => {
          const check = () => {
            const ol = el.querySelector('ol')!;
            const last = ol.lastElementChild;
            const rendered = Number(ol.getAttribute('start')) - 1 + ol.children.length;
            if (
              rendered >= Number(el.getAttribute('data-count')) ||
              (last !== null &&
                last.getBoundingClientRect().bottom >= el.getBoundingClientRect().bottom - 1)
            ) {
              resolve();
            } else requestAnimationFrame(check);
          };
          check();
        }),
    );
    const rows = await strip
      .locator('[data-testid=timeline-event]')
      .evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-annotation-id') ?? '',
          (e.querySelector('.timeline-title') as HTMLElement | null)?.innerText ?? '',
        ]),
      );
    for (const [id, title] of rows) titles.set(id!, title!);
    const atEnd = await strip.evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollBy(0, el.clientHeight);
      return false;
    });
    if (atEnd) return [...titles.values()];
  }
}

/** How many events the timeline holds, rendered or not. */
export async function timelineCount(page: Page): Promise<number> {
  const strip = page.locator('[data-testid=timeline]');
  return (await strip.count()) === 0 ? 0 : Number(await strip.getAttribute('data-count'));
}
