import { describe, expect, it } from 'vitest';
import { cursorChanged, showsAtOnce, type CursorShown } from './cursor-pace';

const at = (cursor: number, playing: boolean, seeks = 0): CursorShown => ({
  cursor,
  playing,
  seeks,
});

describe('showsAtOnce', () => {
  const cases: {
    name: string;
    shown: CursorShown | undefined;
    next: CursorShown | undefined;
    atOnce: boolean;
  }[] = [
    { name: 'a recording opened', shown: undefined, next: at(0, false), atOnce: true },
    { name: 'the recording closed', shown: at(0, false), next: undefined, atOnce: true },
    { name: 'a play tick', shown: at(0, true), next: at(1000, true), atOnce: false },
    { name: 'play pressed', shown: at(0, false), next: at(0, true), atOnce: true },
    { name: 'pause pressed', shown: at(900, true), next: at(1000, false), atOnce: true },
    { name: 'play reaching the end', shown: at(900, true), next: at(1000, false), atOnce: true },
    { name: 'a seek while paused', shown: at(0, false), next: at(5000, false, 1), atOnce: true },
    { name: 'a seek while playing', shown: at(0, true), next: at(5000, true, 1), atOnce: true },
    {
      name: 'a seek back while playing',
      shown: at(5000, true, 3),
      next: at(100, true, 4),
      atOnce: true,
    },
  ];
  it.each(cases)('$name: at once = $atOnce', ({ shown, next, atOnce }) => {
    expect(showsAtOnce(shown, next)).toBe(atOnce);
  });
});

describe('cursorChanged', () => {
  it.each([
    { shown: at(0, false), next: at(0, false), changed: false },
    { shown: at(0, true), next: at(16, true), changed: true },
    { shown: at(0, true), next: at(0, false), changed: true },
    { shown: at(0, false), next: at(0, false, 1), changed: true },
    { shown: undefined, next: undefined, changed: false },
    { shown: undefined, next: at(0, false), changed: true },
  ])('$shown -> $next: $changed', ({ shown, next, changed }) => {
    expect(cursorChanged(shown, next)).toBe(changed);
  });
});
