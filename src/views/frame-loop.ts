/**
 * The page's one render loop: a view marks itself dirty and runs once in the next animation
 * frame, however often it was marked (uPlot's commit). A view that re-renders at a human pace
 * asks for a gap since its last run; one timer for the whole page wakes the loop for the
 * earliest of those. After-paint jobs run in one task after the frame has painted, so a slow
 * view does not hold up the frame that shows a change elsewhere.
 */
import { browserScheduler, type Scheduler } from '../state/frame-pump';

export type FrameJob = () => void;

export interface MarkOptions {
  /** at least this long after the job last ran (a throttled view) */
  gapMs?: number;
  /** in the task after the frame has painted, not in the frame */
  afterPaint?: boolean;
}

export interface FrameLoop {
  /** runs `job` once, in the first frame its gap allows; marking it again before is a no-op */
  mark(job: FrameJob, options?: MarkOptions): void;
  /** forgets a marked job (a view unmounting) */
  cancel(job: FrameJob): void;
}

export interface FrameClock extends Scheduler {
  now(): number;
}

export const browserFrameClock: FrameClock = { ...browserScheduler, now: () => performance.now() };

interface Marked {
  due: number;
  afterPaint: boolean;
}

export function createFrameLoop(clock: FrameClock = browserFrameClock): FrameLoop {
  const marked = new Map<FrameJob, Marked>();
  /** when each job last ran; dropped with the job when it is cancelled */
  const lastRun = new Map<FrameJob, number>();
  let frameId: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let afterPaintTimer: ReturnType<typeof setTimeout> | undefined;
  let afterPaintJobs: FrameJob[] = [];

  const wake = () => {
    const now = clock.now();
    let earliest = Infinity;
    for (const m of marked.values()) earliest = Math.min(earliest, m.due);
    if (earliest <= now) {
      frameId ??= clock.requestFrame(frame);
      return;
    }
    if (earliest === Infinity || earliest >= timerAt) return;
    if (timer !== undefined) clock.clearTimer(timer);
    timerAt = earliest;
    timer = clock.setTimer(() => {
      timer = undefined;
      timerAt = Infinity;
      wake();
    }, earliest - now);
  };

  const run = (job: FrameJob) => {
    lastRun.set(job, clock.now());
    job();
  };

  const frame = () => {
    frameId = undefined;
    const now = clock.now();
    // a job marked while the frame runs (a view another view changed) runs in the next one
    const due = [...marked].filter(([, m]) => m.due <= now);
    for (const [job] of due) marked.delete(job);
    for (const [job, m] of due) {
      if (m.afterPaint) afterPaintJobs.push(job);
      else run(job);
    }
    // the frame's own callbacks run before it paints: the task after them comes after it
    if (afterPaintJobs.length > 0) afterPaintTimer ??= clock.setTimer(afterPaint, 0);
    wake();
  };

  const afterPaint = () => {
    afterPaintTimer = undefined;
    const jobs = afterPaintJobs;
    afterPaintJobs = [];
    for (const job of jobs) run(job);
  };

  return {
    mark(job, { gapMs = 0, afterPaint: later = false } = {}) {
      if (marked.has(job) || afterPaintJobs.includes(job)) return;
      const due = gapMs > 0 ? (lastRun.get(job) ?? -Infinity) + gapMs : -Infinity;
      marked.set(job, { due, afterPaint: later });
      wake();
    },
    cancel(job) {
      marked.delete(job);
      lastRun.delete(job);
      afterPaintJobs = afterPaintJobs.filter((j) => j !== job);
    },
  };
}

/** the page's loop: every view of the page marks itself here */
export const pageFrameLoop = createFrameLoop();
