import { describe, expect, it } from 'vitest';
import { createFramePump, type Scheduler } from './frame-pump';

type TimerId = ReturnType<typeof setTimeout>;

/** A scheduler the test drives: animation frames and timers run only when told. */
class FakeScheduler implements Scheduler {
  private next = 1;
  readonly frames = new Map<number, () => void>();
  readonly timers = new Map<number, { cb: () => void; ms: number }>();

  requestFrame = (cb: () => void) => {
    const id = this.next++;
    this.frames.set(id, cb);
    return id;
  };
  cancelFrame = (id: number) => {
    this.frames.delete(id);
  };
  setTimer = (cb: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { cb, ms });
    return id as unknown as TimerId;
  };
  clearTimer = (id: TimerId) => {
    this.timers.delete(id as unknown as number);
  };

  /** the browser paints: every requested animation frame runs */
  animationFrame() {
    const due = [...this.frames.values()];
    this.frames.clear();
    due.forEach((cb) => cb());
  }
  /** every pending timer fires */
  timersFire() {
    const due = [...this.timers.values()];
    this.timers.clear();
    due.forEach(({ cb }) => cb());
  }
}

type Step = number | 'frame' | 'timer' | 'flush' | 'dispose';

describe('createFramePump', () => {
  it.each<{ name: string; steps: Step[]; batches: number[][] }>([
    { name: 'nothing until a frame', steps: [1, 2, 3], batches: [] },
    {
      name: 'many pushes: one apply per frame with the whole batch in order',
      steps: [1, 2, 3, 4, 5, 'frame'],
      batches: [[1, 2, 3, 4, 5]],
    },
    {
      name: 'pushes between frames make separate batches',
      steps: [1, 2, 'frame', 3, 'frame', 'frame', 4, 5, 'frame'],
      batches: [[1, 2], [3], [4, 5]],
    },
    {
      name: 'a hidden tab (no animation frames): the timer flushes',
      steps: [1, 2, 3, 'timer', 4, 'timer'],
      batches: [[1, 2, 3], [4]],
    },
    {
      name: 'the frame flush cancels the timer, so the batch is applied once',
      steps: [1, 2, 'frame', 'timer'],
      batches: [[1, 2]],
    },
    {
      name: 'the timer flush cancels the frame, so the batch is applied once',
      steps: [1, 2, 'timer', 'frame'],
      batches: [[1, 2]],
    },
    { name: 'flush applies at once', steps: [1, 2, 'flush', 'frame', 'timer'], batches: [[1, 2]] },
    { name: 'flush with nothing queued applies nothing', steps: ['flush', 'frame'], batches: [] },
    {
      name: 'dispose drops the queue',
      steps: [1, 2, 'dispose', 'frame', 'timer', 'flush'],
      batches: [],
    },
    {
      name: 'dispose keeps what was applied already',
      steps: [1, 'frame', 2, 'dispose', 'frame', 'timer'],
      batches: [[1]],
    },
  ])('$name', ({ steps, batches }) => {
    const scheduler = new FakeScheduler();
    const applied: number[][] = [];
    const pump = createFramePump<number>((batch) => applied.push(batch), scheduler);
    for (const step of steps) {
      if (typeof step === 'number') pump.push(step);
      else if (step === 'frame') scheduler.animationFrame();
      else if (step === 'timer') scheduler.timersFire();
      else pump[step]();
    }
    expect(applied).toEqual(batches);
  });

  it('asks for one animation frame and one timer per batch, however many pushes', () => {
    const scheduler = new FakeScheduler();
    const pump = createFramePump<number>(() => {}, scheduler, 250);
    for (let i = 0; i < 1000; i++) pump.push(i);
    expect(scheduler.frames.size).toBe(1);
    expect([...scheduler.timers.values()].map((t) => t.ms)).toEqual([250]);
  });

  it.each<{
    name: string;
    end: (s: FakeScheduler, pump: { flush(): void; dispose(): void }) => void;
  }>([
    { name: 'an animation frame', end: (s) => s.animationFrame() },
    { name: 'the timer', end: (s) => s.timersFire() },
    { name: 'flush', end: (_, pump) => pump.flush() },
    { name: 'dispose', end: (_, pump) => pump.dispose() },
  ])('leaves nothing scheduled after $name', ({ end }) => {
    const scheduler = new FakeScheduler();
    const pump = createFramePump<number>(() => {}, scheduler);
    pump.push(1);
    end(scheduler, pump);
    expect([scheduler.frames.size, scheduler.timers.size]).toEqual([0, 0]);
  });

  describe('holding a catch-up', () => {
    // the gateway said its newest frame is 5: frames up to it are one catch-up
    const held = (steps: Step[] | (Step | 'timer')[]) => {
      const scheduler = new FakeScheduler();
      const applied: number[][] = [];
      const pump = createFramePump<number>((batch) => applied.push(batch), scheduler);
      pump.holdUntil((n) => n >= 5, 1000);
      for (const step of steps) {
        if (typeof step === 'number') pump.push(step);
        else if (step === 'frame') scheduler.animationFrame();
        else if (step === 'timer') scheduler.timersFire();
        else pump[step]();
      }
      return { applied, scheduler };
    };

    it('applies the whole catch-up as one batch once its last frame is in', () => {
      const { applied } = held([1, 2, 'frame', 3, 4, 'frame', 5, 'frame', 6, 'frame']);
      expect(applied).toEqual([[1, 2, 3, 4, 5], [6]]);
    });

    it('gives up holding when the time is up, and carries on a batch per frame', () => {
      // the catch-up's last frame never comes (say the gateway's buffer moved on)
      const { applied } = held([1, 2, 'frame', 'timer', 'frame', 3, 'frame']);
      expect(applied).toEqual([[1, 2], [3]]);
    });

    it('a flush (the socket reconnecting) applies what is held and ends the hold', () => {
      const { applied } = held([1, 2, 'flush', 3, 'frame']);
      expect(applied).toEqual([[1, 2], [3]]);
    });

    it('leaves nothing scheduled once the catch-up is applied', () => {
      const { applied, scheduler } = held([1, 5, 'frame']);
      expect(applied).toEqual([[1, 5]]);
      expect([scheduler.frames.size, scheduler.timers.size]).toEqual([0, 0]);
    });
  });
});
