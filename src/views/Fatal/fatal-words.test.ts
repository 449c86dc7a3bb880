import { describe, expect, it } from 'vitest';
import { errorLine, fatalWords } from './fatal-words';

describe('fatalWords', () => {
  it.each([
    [undefined, /^Skewboard hit an error it cannot carry on from: boom\.$/],
    [
      { reload: true as const, delayMs: 5000, history: [1] },
      /boom\. Reloading in 5 s, back to this view\.$/,
    ],
    [
      { reload: false as const, history: [1, 2, 3], tries: 3, withinMs: 600_000 },
      /boom\. It reloaded itself 3 times in 10 minutes and has stopped trying/,
    ],
  ])('%j', (plan, want) => {
    expect(fatalWords('boom', plan)).toMatch(want);
  });
});

describe('errorLine', () => {
  it.each<[unknown, string]>([
    [new TypeError('x is undefined'), 'TypeError: x is undefined'],
    ['plain', 'plain'],
    [42, '42'],
    ['y'.repeat(400), `${'y'.repeat(300)}…`],
  ])('%s', (error, want) => {
    expect(errorLine(error)).toBe(want);
  });
});
