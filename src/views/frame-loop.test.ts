import { beforeEach, describe, expect, it } from 'vitest';
import { createFrameLoop, type FrameClock, type FrameLoop } from './frame-loop';

/** a browser's frames and timers, driven by the test */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { at: number; cb: () => void }>();
  const clock: FrameClock = {
    now: () => now,
    requestFrame: (cb) => (frames.set(nextId, cb), nextId++),
    cancelFrame: (id) => void frames.delete(id),
    setTimer: (cb, ms) => {
      timers.set(nextId, { at: now + ms, cb });
      return nextId++ as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (id) => void timers.delete(id as unknown as number),
  };
  /** the timers due by then fire, in order */
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = [...timers]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      timers.delete(next[0]);
      now = Math.max(now, next[1].at);
      next[1].cb();
    }
    now = until;
  };
  /** one animation frame: the callbacks asked for before it run */
  const frame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const cb of due) cb();
  };
  return {
    clock,
    advance,
    frame,
    pendingFrames: () => frames.size,
    pendingTimers: () => timers.size,
  };
}

let fake: ReturnType<typeof fakeClock>;
let loop: FrameLoop;
let log: string[];
const job = (name: string) => () => void log.push(name);

beforeEach(() => {
  fake = fakeClock();
  loop = createFrameLoop(fake.clock);
  log = [];
});

describe('createFrameLoop', () => {
  it('runs a marked job once in the next frame, however often it was marked', () => {
    const paint = job('paint');
    loop.mark(paint);
    loop.mark(paint);
    loop.mark(paint);
    expect(log).toEqual([]);
    fake.frame();
    expect(log).toEqual(['paint']);
    fake.frame();
    expect(log).toEqual(['paint']);
  });

  it('asks for one animation frame for every view of the page', () => {
    for (let i = 0; i < 6; i++) loop.mark(job(`view ${i}`));
    expect(fake.pendingFrames()).toBe(1);
    expect(fake.pendingTimers()).toBe(0);
    fake.frame();
    expect(log).toHaveLength(6);
    expect(fake.pendingFrames()).toBe(0);
  });

  it('holds a throttled job until its gap since the last run has passed', () => {
    const clock = job('clock');
    loop.mark(clock, { gapMs: 1000 });
    fake.frame();
    expect(log).toEqual(['clock']);
    fake.advance(100);
    loop.mark(clock, { gapMs: 1000 });
    fake.frame();
    expect(log).toEqual(['clock']);
    // one timer wakes the loop when the gap is up; the job runs in the frame after
    expect(fake.pendingTimers()).toBe(1);
    fake.advance(899);
    expect(fake.pendingFrames()).toBe(0);
    fake.advance(1);
    expect(fake.pendingFrames()).toBe(1);
    fake.frame();
    expect(log).toEqual(['clock', 'clock']);
  });

  it('runs a throttled job at once when it has been quiet for its gap', () => {
    const bar = job('bar');
    loop.mark(bar, { gapMs: 100 });
    fake.frame();
    fake.advance(500);
    loop.mark(bar, { gapMs: 100 });
    fake.frame();
    expect(log).toEqual(['bar', 'bar']);
  });

  it('wakes for the earliest of several throttled jobs with one timer', () => {
    const slow = job('slow');
    const quick = job('quick');
    loop.mark(slow, { gapMs: 1000 });
    loop.mark(quick, { gapMs: 100 });
    fake.frame();
    loop.mark(slow, { gapMs: 1000 });
    loop.mark(quick, { gapMs: 100 });
    expect(fake.pendingTimers()).toBe(1);
    fake.advance(100);
    fake.frame();
    expect(log).toEqual(['slow', 'quick', 'quick']);
    fake.advance(900);
    fake.frame();
    expect(log).toEqual(['slow', 'quick', 'quick', 'slow']);
  });

  it('runs after-paint jobs in the task after the frame, after the frame jobs', () => {
    loop.mark(job('bars'), { afterPaint: true });
    loop.mark(job('heatmap'));
    fake.frame();
    expect(log).toEqual(['heatmap']);
    fake.advance(0);
    expect(log).toEqual(['heatmap', 'bars']);
  });

  it('runs a job marked by another job in the next frame, not in a loop within one', () => {
    const again: () => void = () => {
      log.push('again');
      loop.mark(again);
    };
    loop.mark(again);
    fake.frame();
    expect(log).toEqual(['again']);
    fake.frame();
    expect(log).toEqual(['again', 'again']);
  });

  it('forgets a cancelled job', () => {
    const gone = job('gone');
    loop.mark(gone);
    loop.cancel(gone);
    fake.frame();
    loop.mark(gone, { afterPaint: true });
    loop.mark(job('stays'));
    fake.frame();
    loop.cancel(gone);
    fake.advance(0);
    expect(log).toEqual(['stays']);
  });

  it('asks for nothing while no job is marked', () => {
    loop.mark(job('once'));
    fake.frame();
    fake.advance(10_000);
    expect(fake.pendingFrames()).toBe(0);
    expect(fake.pendingTimers()).toBe(0);
  });
});
