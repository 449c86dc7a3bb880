import { describe, expect, it } from 'vitest';
import { shownWindow, type ShownWindowInput } from './shown-window';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T = Date.UTC(2024, 4, 15, 14, 0);

const live = (dataMs: number, windowMs?: number): ShownWindowInput => ({
  windowMs,
  rangeMs: undefined,
  viewEndT: undefined,
  newestT: T,
  oldestT: T - dataMs + 10_000,
  intervalMs: 10_000,
});

describe('shownWindow', () => {
  it.each([
    // a page that has just opened: the least fitted span, not two hours of nothing
    { name: 'one frame', input: live(10_000), span: 5 * MIN, columns: 30 },
    { name: '12 min of frames', input: live(12 * MIN), span: 12 * MIN, columns: 72 },
    { name: '13 min of frames', input: live(13 * MIN), span: 15 * MIN, columns: 90 },
    // grown to the window, and no further
    { name: '3 h of frames, 1 h window', input: live(3 * HOUR, HOUR), span: HOUR, columns: 360 },
    {
      name: '3 h of frames, 15 min window',
      input: live(3 * HOUR, 15 * MIN),
      span: 15 * MIN,
      columns: 90,
    },
    // no window chosen: what the store holds, two hours at 10 s
    { name: '3 h of frames, default window', input: live(3 * HOUR), span: 2 * HOUR, columns: 720 },
  ])('live, $name', ({ input, span, columns }) => {
    const w = shownWindow(input);
    expect(w.following).toBe(true);
    expect(w.to).toBe(T);
    expect(w.to - w.from).toBe(span);
    expect(w.columns).toBe(columns);
    expect(w.columnMs).toBe(10_000);
  });

  it('pinned from the timeline: the whole window ending at the pin', () => {
    const w = shownWindow({ ...live(10 * MIN, HOUR), viewEndT: T - 5 * MIN });
    expect(w).toStrictEqual({
      from: T - 65 * MIN,
      to: T - 5 * MIN,
      columns: 360,
      columnMs: 10_000,
      following: false,
    });
  });

  it('pinned to a range: that range, whatever the window', () => {
    const w = shownWindow({ ...live(3 * HOUR, HOUR), viewEndT: T - HOUR, rangeMs: 20 * MIN });
    expect([w.from, w.to, w.columns]).toStrictEqual([T - 80 * MIN, T - HOUR, 120]);
  });

  it('6 h at 1 s frames: bounded columns, each several frames', () => {
    const w = shownWindow({ ...live(0, 6 * HOUR), viewEndT: T, intervalMs: 1000 });
    expect(w.columns).toBe(2160);
    expect(w.columnMs).toBe(10_000);
    expect(w.to - w.from).toBe(6 * HOUR);
  });

  it('nothing held and nothing pinned: nothing to place', () => {
    const w = shownWindow({ ...live(0), newestT: NaN, oldestT: NaN });
    expect(w.to).toBeNaN();
    expect(w.from).toBeNaN();
    expect(w.columns).toBeGreaterThan(0);
  });
});
