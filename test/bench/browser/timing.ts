/**
 * Timing in a bench page: runs after a warm-up, each started on a fresh animation frame, and
 * "on screen" as the next frame's paint (an animation frame, then the task after it).
 */

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves in the first task after the next frame has painted. */
export async function afterPaint(): Promise<void> {
  await nextFrame();
  await nextTask();
}

/** A task of its own (a message, not a clamped timer), after pending microtasks. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** One run: until `work` returned, and until the frame showing it had painted. */
export interface RunTime {
  work: number;
  frame: number;
}

/**
 * `runs` timings of `work` after `warmup` untimed ones. Each starts in a task after a frame
 * has painted, so its result shows in the next frame and no run overlaps another's paint.
 */
export async function timeRuns(
  runs: number,
  warmup: number,
  work: (run: number) => unknown,
): Promise<RunTime[]> {
  const times: RunTime[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    await afterPaint();
    const start = performance.now();
    await work(i);
    const done = performance.now();
    await afterPaint();
    if (i >= warmup) times.push({ work: done - start, frame: performance.now() - start });
  }
  return times;
}
