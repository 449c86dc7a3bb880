import { describe, expect, it } from 'vitest';
import { createDashboardStore } from './store';
import { readPageParams } from './url-params';
import { applyViewParams, initialReplayT } from './view-params';

const view = (search: string) => {
  const store = createDashboardStore();
  applyViewParams(store, readPageParams(search));
  const { windowMs, rangeMs, viewEndT } = store.getState();
  return { windowMs, rangeMs, viewEndT };
};

describe('applyViewParams', () => {
  it.each([
    { search: '', want: { windowMs: undefined, rangeMs: undefined, viewEndT: undefined } },
    {
      search: '?window=15m',
      want: { windowMs: 900_000, rangeMs: undefined, viewEndT: undefined },
    },
    {
      search: '?from=1715781600000&to=1715785200000',
      want: { windowMs: undefined, rangeMs: 3_600_000, viewEndT: 1715785200000 },
    },
    {
      search: '?window=6h&from=1715781600000&to=1715785200000',
      want: { windowMs: 21_600_000, rangeMs: 3_600_000, viewEndT: 1715785200000 },
    },
    // Grafana's relative range follows live
    {
      search: '?from=now-1h&to=now',
      want: { windowMs: 3_600_000, rangeMs: undefined, viewEndT: undefined },
    },
    // backwards, or half a range: nothing pinned
    {
      search: '?from=1715785200000&to=1715781600000',
      want: { windowMs: undefined, rangeMs: undefined, viewEndT: undefined },
    },
    {
      search: '?from=1715781600000',
      want: { windowMs: undefined, rangeMs: undefined, viewEndT: undefined },
    },
  ])('$search', ({ search, want }) => {
    expect(view(search)).toStrictEqual(want);
  });
});

describe('initialReplayT', () => {
  it.each([
    { search: '', want: undefined },
    { search: '?t=5', want: 5 },
    { search: '?from=1&to=9', want: 9 },
    { search: '?from=1&to=9&t=5', want: 5 },
    { search: '?from=9&to=1', want: undefined },
  ])('$search -> $want', ({ search, want }) => {
    expect(initialReplayT(readPageParams(search))).toBe(want);
  });
});
