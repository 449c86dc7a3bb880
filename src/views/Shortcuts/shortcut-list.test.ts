import { describe, expect, it } from 'vitest';
import { PAGE_KEYS, REPLAY_KEYS, shortcutsFor } from './shortcut-list';

describe('shortcutsFor', () => {
  it('lists the page keys live and the replay keys too in a review', () => {
    expect(shortcutsFor(false)).toEqual(PAGE_KEYS);
    expect(shortcutsFor(true)).toEqual([...REPLAY_KEYS, ...PAGE_KEYS]);
  });

  it('names each key once, with what it does', () => {
    for (const replaying of [false, true]) {
      const keys = shortcutsFor(replaying).map(([k]) => k);
      expect(new Set(keys).size).toBe(keys.length);
      expect(shortcutsFor(replaying).every(([, what]) => what.length > 0)).toBe(true);
    }
  });
});
