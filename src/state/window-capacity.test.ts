import { describe, expect, it } from 'vitest';
import type { Hello } from '../core/protocol/protocol';
import { SERIES_CAPACITY } from './series-slice';
import { createDashboardStore } from './store';
import { followWindowCapacity } from './window-capacity';

const HOUR = 3600_000;
const hello = (intervalMs: number, mode: Hello['mode'] = 'live'): Hello => ({
  v: 1,
  source: 'sim:test',
  mode,
  intervalMs,
  servers: [{ id: 'a', weight: 1 }],
  now: 0,
});

describe('followWindowCapacity', () => {
  it.each([
    { name: 'no window chosen', interval: 10_000, window: undefined, want: SERIES_CAPACITY },
    { name: '1 h at 10 s', interval: 10_000, window: HOUR, want: SERIES_CAPACITY },
    { name: '6 h at 10 s', interval: 10_000, window: 6 * HOUR, want: 2160 },
    { name: '6 h at 1 s: bounded', interval: 1000, window: 6 * HOUR, want: 2160 },
    { name: '15 min at 1 s', interval: 1000, window: 0.25 * HOUR, want: 900 },
  ])('$name -> $want frames', ({ interval, window, want }) => {
    const store = createDashboardStore();
    const stop = followWindowCapacity(store);
    store.getState().setWindow(window);
    store.getState().setSource(hello(interval));
    expect(store.getState().series.capacity).toBe(want);
    stop();
  });

  it('keeps the frames held when it grows, and never shrinks', () => {
    const store = createDashboardStore();
    const stop = followWindowCapacity(store);
    store.getState().setSource(hello(10_000));
    const frames = 1000;
    for (let i = 0; i < frames; i++) {
      store.getState().series.push({
        v: 1,
        seq: i,
        t: i * 10_000,
        intervalMs: 10_000,
        samples: [{ id: 'a', requests: 1, latencyMs: { p50: 1, p95: 2, p99: 3 } }],
      });
    }
    expect(store.getState().series.length).toBe(SERIES_CAPACITY);
    store.getState().setWindow(6 * HOUR);
    expect(store.getState().series.capacity).toBe(2160);
    expect(store.getState().series.length).toBe(SERIES_CAPACITY);
    expect(store.getState().series.newestT).toBe((frames - 1) * 10_000);
    store.getState().setWindow(HOUR);
    expect(store.getState().series.capacity).toBe(2160);
    stop();
  });

  it("leaves a recording's store alone", () => {
    const store = createDashboardStore();
    const stop = followWindowCapacity(store);
    store.getState().setWindow(6 * HOUR);
    store.getState().setSource(hello(10_000, 'replay'));
    expect(store.getState().series.capacity).toBe(SERIES_CAPACITY);
    stop();
  });
});
