/**
 * Messages never draw: frames are queued as they arrive and applied in one batch per animation
 * frame. A hidden tab gets no animation frames, so a timer flushes too, keeping the queue short.
 * A catch-up (the frames a gateway resends on connecting) can be held and applied as one batch:
 * drawing each step of it is work nobody sees, and it doubles the wait on a slow wall.
 */
export interface FramePump<F> {
  push(frame: F): void;
  /** applies whatever is queued now (and ends a hold) */
  flush(): void;
  /**
   * queues without applying until a frame pushed satisfies `last` or `maxMs` pass, then
   * applies the queue at once
   */
  holdUntil(last: (frame: F) => boolean, maxMs: number): void;
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
  let held: { last: (frame: F) => boolean; timer: ReturnType<typeof setTimeout> } | undefined;
  const cancel = () => {
    if (frameId !== undefined) scheduler.cancelFrame(frameId);
    if (timer !== undefined) scheduler.clearTimer(timer);
    if (held !== undefined) scheduler.clearTimer(held.timer);
    frameId = undefined;
    timer = undefined;
    held = undefined;
  };
  const flush = () => {
    cancel();
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    apply(batch);
  };
  const schedule = () => {
    if (frameId === undefined) frameId = scheduler.requestFrame(flush);
    if (timer === undefined) timer = scheduler.setTimer(flush, maxWaitMs);
  };
  return {
    push(frame) {
      queue.push(frame);
      if (held === undefined) schedule();
      else if (held.last(frame)) {
        scheduler.clearTimer(held.timer);
        held = undefined;
        schedule();
      }
    },
    flush,
    holdUntil(last, maxMs) {
      cancel();
      held = {
        last,
        timer: scheduler.setTimer(() => {
          held = undefined;
          if (queue.length > 0) schedule();
        }, maxMs),
      };
    },
    dispose() {
      cancel();
      queue = [];
    },
  };
}
