import { describe, expect, it } from 'vitest';
import { serverDownLevel } from './server-down';

describe('serverDownLevel', () => {
  it.each([
    { name: 'up', present: true, up: true, want: 'clear' },
    { name: 'failing its health check', present: true, up: false, want: 'fire' },
    { name: 'missing from the latest frame: no news', present: false, up: false, want: 'hold' },
  ])('$name: $want', ({ present, up, want }) => {
    const s = {
      id: 'a',
      pool: '',
      up,
      weight: 1,
      present,
      requests: 0,
      errors: 0,
      expected: 0,
      p95: null,
    };
    expect(serverDownLevel(s)).toBe(want);
  });
});
