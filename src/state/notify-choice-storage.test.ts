import { describe, expect, it } from 'vitest';
import {
  readNotifyChoice,
  rememberNotifyChoice,
  type ChoiceStorage,
} from './notify-choice-storage';
import { createDashboardStore } from './store';

function memory(initial: Record<string, string> = {}): ChoiceStorage & { data: typeof initial } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
  };
}
const broken: ChoiceStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => undefined,
};

describe('readNotifyChoice', () => {
  it.each([
    { stored: 'on', want: 'on' },
    { stored: 'off', want: 'off' },
    { stored: 'yes', want: undefined },
    { stored: undefined, want: undefined },
  ])('$stored -> $want', ({ stored, want }) => {
    expect(readNotifyChoice(memory(stored ? { 'skewboard.notify': stored } : {}))).toBe(want);
  });

  it('is undefined with no storage or storage that throws', () => {
    expect(readNotifyChoice(undefined)).toBe(undefined);
    expect(readNotifyChoice(broken)).toBe(undefined);
  });
});

describe('rememberNotifyChoice', () => {
  it('loads the choice and saves each change', () => {
    const storage = memory({ 'skewboard.notify': 'off' });
    const store = createDashboardStore();
    rememberNotifyChoice(store, storage);
    expect(store.getState().notifyChoice).toBe('off');
    store.getState().setNotifyChoice('on');
    expect(storage.data['skewboard.notify']).toBe('on');
  });

  it('keeps the choice for the tab when storage refuses it', () => {
    const store = createDashboardStore();
    rememberNotifyChoice(store, broken);
    store.getState().setNotifyChoice('on');
    expect(store.getState().notifyChoice).toBe('on');
  });
});
