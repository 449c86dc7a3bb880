import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageRecovery, type RecoveryDeps } from './page-recovery';
import { createDashboardStore } from './store';

const NOW = Date.UTC(2024, 4, 15, 14, 0);

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

function setup(over: Partial<RecoveryDeps> & { stored?: Record<string, string> } = {}) {
  const storage = memoryStorage(over.stored);
  let up = true;
  const reload = vi.fn();
  const recovery = createPageRecovery({
    storage,
    location: { search: '?kiosk&tz=America/New_York' },
    wasDiscarded: false,
    reload,
    reachable: async () => up,
    now: () => NOW,
    ...over,
  });
  return { recovery, storage, reload, setUp: (v: boolean) => (up = v) };
}

describe('createPageRecovery: a fatal error', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reloads after the delay, once the page answers, marking the reload as its own', async () => {
    const { recovery, reload, storage, setUp } = setup();
    setUp(false);
    expect(recovery.fatal()).toMatchObject({ reload: true, delayMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(reload).not.toHaveBeenCalled();
    setUp(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(storage.items.get('skewboard:reloaded')).toBe('1');
    expect(JSON.parse(storage.items.get('skewboard:reloads')!)).toEqual([NOW]);
  });

  it('plans one reload for errors that follow the first', async () => {
    const { recovery, reload } = setup();
    const first = recovery.fatal();
    expect(recovery.fatal()).toBe(first);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('stops after three reloads in ten minutes', async () => {
    const stored = {
      'skewboard:reloads': JSON.stringify([NOW - 300_000, NOW - 200_000, NOW - 100_000]),
    };
    const { recovery, reload } = setup({ stored });
    expect(recovery.fatal()).toMatchObject({ reload: false, tries: 3 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('createPageRecovery: the view', () => {
  const kept = (search: string, viewEndT?: number) =>
    JSON.stringify({ search, ...(viewEndT !== undefined && { viewEndT }) });
  it.each<{ why: string; stored: Record<string, string>; wasDiscarded?: boolean; want?: number }>([
    {
      why: 'after its own reload: the pinned view back',
      stored: {
        'skewboard:reloaded': '1',
        'skewboard:view': kept('?kiosk&tz=America/New_York', NOW),
      },
      want: NOW,
    },
    {
      why: 'after Chrome discarded the tab: the pinned view back',
      stored: { 'skewboard:view': kept('?kiosk&tz=America/New_York', NOW) },
      wasDiscarded: true,
      want: NOW,
    },
    {
      why: 'a reload someone asked for: live, as loaded',
      stored: { 'skewboard:view': kept('?kiosk&tz=America/New_York', NOW) },
    },
    {
      why: 'another address in the same tab: not its view',
      stored: { 'skewboard:reloaded': '1', 'skewboard:view': kept('?kiosk', NOW) },
    },
    {
      why: 'a view kept unreadable',
      stored: { 'skewboard:reloaded': '1', 'skewboard:view': '{"search":' },
    },
  ])('$why', ({ stored, wasDiscarded = false, want }) => {
    const { recovery, storage } = setup({ stored, wasDiscarded });
    const store = createDashboardStore();
    recovery.restoreView(store);
    expect(store.getState().viewEndT).toBe(want);
    // the mark of its own reload counts once
    expect(storage.items.has('skewboard:reloaded')).toBe(false);
  });

  it('keeps the pinned view as it changes', () => {
    const { recovery, storage } = setup();
    const store = createDashboardStore();
    const stop = recovery.keepView(store);
    store.getState().pinView(NOW);
    expect(JSON.parse(storage.items.get('skewboard:view')!)).toEqual({
      search: '?kiosk&tz=America/New_York',
      viewEndT: NOW,
    });
    store.getState().pinView(undefined);
    expect(JSON.parse(storage.items.get('skewboard:view')!)).toEqual({
      search: '?kiosk&tz=America/New_York',
    });
    stop();
  });
});
