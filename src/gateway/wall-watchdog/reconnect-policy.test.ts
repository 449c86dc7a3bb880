import { describe, expect, it } from 'vitest';
import { MAX_DELAY_MS, reconnectDelay } from './reconnect-policy';

describe('reconnectDelay', () => {
  it.each([
    [0, 0],
    [1, 500],
    [2, 1000],
    [3, 2000],
    [5, 8000],
    [6, MAX_DELAY_MS],
    [1000, MAX_DELAY_MS],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(reconnectDelay(failures)).toBe(ms);
  });
});
