import { describe, expect, it } from 'vitest';
import {
  columnLayout,
  fittedSpan,
  formatDuration,
  framesForWindow,
  MAX_COLUMNS,
  parseDuration,
} from './time-window';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('parseDuration', () => {
  it.each([
    { text: '15m', want: 15 * MIN },
    { text: '1h', want: HOUR },
    { text: '6h', want: 6 * HOUR },
    { text: '1d', want: 24 * HOUR },
    { text: '60s', want: MIN },
    { text: ' 2h ', want: 2 * HOUR },
    { text: '59s', want: undefined },
    { text: '25h', want: undefined },
    { text: '1.5h', want: undefined },
    { text: '-1h', want: undefined },
    { text: '1H', want: undefined },
    { text: 'h', want: undefined },
    { text: '', want: undefined },
    { text: '9'.repeat(10_000) + 'm', want: undefined },
  ])('$text', ({ text, want }) => {
    expect(parseDuration(text)).toBe(want);
  });
});

describe('formatDuration', () => {
  it.each([
    { ms: 15 * MIN, want: '15m' },
    { ms: HOUR, want: '1h' },
    { ms: 6 * HOUR, want: '6h' },
    { ms: 90 * MIN, want: '90m' },
    { ms: 24 * HOUR, want: '1d' },
    { ms: 90_000, want: '90s' },
  ])('$ms -> $want', ({ ms, want }) => {
    expect(formatDuration(ms)).toBe(want);
    expect(parseDuration(want)).toBe(ms);
  });
});

describe('fittedSpan', () => {
  it.each([
    { data: 0, window: HOUR, want: 5 * MIN },
    { data: NaN, window: HOUR, want: 5 * MIN },
    { data: 10_000, window: HOUR, want: 5 * MIN },
    { data: 5 * MIN, window: HOUR, want: 5 * MIN },
    { data: 5 * MIN + 10_000, window: HOUR, want: 6 * MIN },
    { data: 16 * MIN, window: HOUR, want: 20 * MIN },
    { data: 50 * MIN, window: HOUR, want: 50 * MIN },
    { data: 61 * MIN, window: HOUR, want: HOUR },
    { data: 7 * HOUR, window: 6 * HOUR, want: 6 * HOUR },
    // a window shorter than the least fitted span is the window
    { data: 0, window: 2 * MIN, want: 2 * MIN },
    { data: 30 * HOUR, window: 24 * HOUR, want: 24 * HOUR },
  ])('$data ms of data in a $window ms window -> $want', ({ data, window, want }) => {
    expect(fittedSpan(data, window)).toBe(want);
  });

  it('holds the data with at most a quarter of the view empty, once past the least span', () => {
    for (let data = 5 * MIN + 1000; data <= 6 * HOUR; data += 7_000) {
      const span = fittedSpan(data, 6 * HOUR);
      expect(span).toBeGreaterThanOrEqual(data);
      expect(data / span).toBeGreaterThan(0.74);
    }
  });
});

describe('columnLayout', () => {
  it.each([
    { span: 15 * MIN, interval: 10_000, want: { columns: 90, columnMs: 10_000 } },
    { span: 2 * HOUR, interval: 10_000, want: { columns: 720, columnMs: 10_000 } },
    { span: 6 * HOUR, interval: 10_000, want: { columns: 2160, columnMs: 10_000 } },
    // past MAX_COLUMNS several frames share a column
    { span: 6 * HOUR, interval: 1000, want: { columns: 2160, columnMs: 10_000 } },
    { span: 2 * HOUR, interval: 1000, want: { columns: 1800, columnMs: 4000 } },
    { span: 24 * HOUR, interval: 10_000, want: { columns: 2160, columnMs: 40_000 } },
    // a span not a whole number of intervals takes one more column
    { span: 25_000, interval: 10_000, want: { columns: 3, columnMs: 10_000 } },
    { span: 0, interval: 10_000, want: { columns: 1, columnMs: 10_000 } },
  ])('$span ms at $interval ms', ({ span, interval, want }) => {
    expect(columnLayout(span, interval)).toStrictEqual(want);
  });

  it('never draws more than MAX_COLUMNS, and covers the span', () => {
    for (const interval of [250, 1000, 5000, 10_000, 15_000, 60_000]) {
      for (let span = MIN; span <= 24 * HOUR; span += 13 * MIN) {
        const { columns, columnMs } = columnLayout(span, interval);
        expect(columns).toBeLessThanOrEqual(MAX_COLUMNS);
        expect(columns * columnMs).toBeGreaterThanOrEqual(span);
        expect(columnMs % interval).toBe(0);
      }
    }
  });
});

describe('framesForWindow', () => {
  it.each([
    { window: HOUR, interval: 10_000, want: 720 },
    { window: 6 * HOUR, interval: 10_000, want: 2160 },
    { window: 6 * HOUR, interval: 1000, want: 2160 },
    { window: 15 * MIN, interval: 1000, want: 900 },
  ])('$window ms at $interval ms -> $want', ({ window, interval, want }) => {
    expect(framesForWindow(window, interval, 720, 2160)).toBe(want);
  });
});
