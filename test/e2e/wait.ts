import type { Page } from 'playwright-core';

/** Polls `read` until it returns `expected` (compared with ===), or fails naming both. */
export async function waitFor<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `waited ${timeoutMs} ms for ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`,
  );
}

/** An attribute of the first element matching `selector`, or null when there is none. */
export async function attr(page: Page, selector: string, name: string): Promise<string | null> {
  const element = page.locator(selector).first();
  return (await element.count()) === 0 ? null : element.getAttribute(name);
}
