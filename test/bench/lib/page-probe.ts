/**
 * What a page's main thread did over a window of time: animation-frame intervals, long tasks
 * (PerformanceObserver 'longtask'), task time from Chromium's own metrics, and the JS heap
 * after a full collection at either end.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface WindowFigures {
  spanMs: number;
  /** intervals between animation frames, ms */
  frameIntervals: number[];
  longTasks: number;
  longTaskMs: number;
  /** main-thread task time over the window, ms (Chromium's TaskDuration) */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

interface Probe {
  stop(): { spanMs: number; frameIntervals: number[]; longTasks: number; longTaskMs: number };
}

declare global {
  interface Window {
    benchProbe?: Probe;
  }
}

type Metrics = Record<string, number>;

// plain JS source: a function passed to page.evaluate would carry the transpiler's helpers
const PROBE = `(() => {
  const frameIntervals = [];
  let longTasks = 0;
  let longTaskMs = 0;
  let running = true;
  let last = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasks++;
      longTaskMs += e.duration;
    }
  });
  observer.observe({ type: 'longtask' });
  const loop = (now) => {
    if (last > 0) frameIntervals.push(now - last);
    last = now;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const start = performance.now();
  window.benchProbe = {
    stop() {
      running = false;
      observer.disconnect();
      return { spanMs: performance.now() - start, frameIntervals, longTasks, longTaskMs };
    },
  };
})()`;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

export async function cdpOf(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

/** Used JS heap after a full garbage collection, bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Watches the page for `ms`. */
export async function watchWindow(page: Page, cdp: CDPSession, ms: number): Promise<WindowFigures> {
  await page.evaluate(PROBE);
  const before = await metrics(cdp);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await metrics(cdp);
  const probe = await page.evaluate(() => window.benchProbe!.stop());
  const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return {
    ...probe,
    taskMs: delta('TaskDuration'),
    scriptMs: delta('ScriptDuration'),
    layoutMs: delta('LayoutDuration'),
    styleMs: delta('RecalcStyleDuration'),
  };
}

interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** A heap snapshot of the page, as the JSON text DevTools saves (a .heapsnapshot file). */
export async function heapSnapshot(cdp: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    // numbers by value: a cache keyed by numbers shows which numbers
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: true });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return chunks.join('');
}

/**
 * Bytes of V8's compiled code in a heap snapshot (its `code` objects: bytecode, machine code
 * and their tables). V8 goes on compiling a page's hot functions for hours, so this part grows
 * with the code the page has run, bounded by its source, not with the data it holds.
 */
export function compiledCodeBytes(snapshotJson: string): number {
  const { snapshot, nodes } = JSON.parse(snapshotJson) as HeapSnapshotJson;
  const fields = snapshot.meta.node_fields;
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const code = snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (nodes[i + type] === code) bytes += nodes[i + size]!;
  }
  return bytes;
}
