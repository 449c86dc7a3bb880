import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pace } from './paced';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pace', () => {
  it('steps once per interval, the first one interval after the start', async () => {
    const steps: number[] = [];
    const stop = pace(1000, () => steps.push(performance.now()));
    await vi.advanceTimersByTimeAsync(3500);
    stop();
    await vi.advanceTimersByTimeAsync(3000);
    expect(steps).toEqual([1000, 2000, 3000]);
  });

  it('does not drift when a step is late: the next keeps to the start time', async () => {
    const steps: number[] = [];
    const stop = pace(1000, () => {
      steps.push(performance.now());
      // a step that blocks for 300 ms (fake clock moves with it)
      if (steps.length === 1) vi.advanceTimersByTime(300);
    });
    await vi.advanceTimersByTimeAsync(3000);
    stop();
    expect(steps).toEqual([1000, 2000, 3000]);
  });
});
