/**
 * What the live-page benchmarks share: counting the frames a page receives over its socket,
 * and waiting until it has worked off the frames it still held.
 */
import type { Page } from 'playwright-core';

// plain JS source: a function passed to page.evaluate would carry the transpiler's helpers
const CALM = `new Promise((resolve) => {
  let calm = 0;
  let last = 0;
  const loop = (now) => {
    calm = last > 0 && now - last < 30 ? calm + 1 : 0;
    last = now;
    if (calm >= 10) resolve(true);
    else requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})`;

export interface FrameCounter {
  /** frames received so far by every page it watches */
  count: () => number;
  watch: (page: Page) => void;
}

export function frameCounter(): FrameCounter {
  let received = 0;
  return {
    count: () => received,
    watch: (page) =>
      page.on('websocket', (ws) =>
        ws.on('framereceived', (f) => {
          if (typeof f.payload === 'string' && f.payload.startsWith('42["frame"')) received++;
        }),
      ),
  };
}

/**
 * Waits until the page has taken every frame the socket still held (none for 3 s, and its
 * main thread quiet); a page that falls behind has a backlog to work off.
 */
export async function drained(
  page: Page,
  frames: FrameCounter,
  limitMs: number,
): Promise<{ ms: number; frames: number }> {
  const start = Date.now();
  const frames0 = frames.count();
  let last = frames0;
  let quietSince = Date.now();
  while (Date.now() - start < limitMs) {
    await page.waitForTimeout(250);
    if (frames.count() !== last) {
      last = frames.count();
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= 3000) break;
  }
  // the last frames in may still be being applied: wait for ten unhurried animation frames
  await page.evaluate(CALM);
  return { ms: Date.now() - start, frames: frames.count() - frames0 };
}
