/**
 * Messages never draw: frames are queued as they arrive and applied in one batch per animation
 * frame. A hidden tab gets no animation frames, so a timer flushes too, keeping the queue short.
 */
export interface FramePump<F> {
  push(frame: F): void;
  /** applies whatever is queued now */
  flush(): void;
  dispose(): void;
}

export interface Scheduler {
  requestFrame: (cb: () => void) => number;
  cancelFrame: (id: number) => void;
  setTimer: (cb: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimer: (id: ReturnType<typeof setTimeout>) => void;
}

export const browserScheduler: Scheduler = {
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
  setTimer: (cb, ms) => setTimeout(cb, ms),
  clearTimer: (id) => clearTimeout(id),
};

export function createFramePump<F>(
  apply: (batch: F[]) => void,
  scheduler: Scheduler = browserScheduler,
  maxWaitMs = 500,
): FramePump<F> {
  let queue: F[] = [];
  let frameId: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (frameId !== undefined) scheduler.cancelFrame(frameId);
    if (timer !== undefined) scheduler.clearTimer(timer);
    frameId = undefined;
    timer = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    apply(batch);
  };
  return {
    push(frame) {
      queue.push(frame);
      if (frameId === undefined) frameId = scheduler.requestFrame(flush);
      if (timer === undefined) timer = scheduler.setTimer(flush, maxWaitMs);
    },
    flush,
    dispose() {
      if (frameId !== undefined) scheduler.cancelFrame(frameId);
      if (timer !== undefined) scheduler.clearTimer(timer);
      queue = [];
    },
  };
}
