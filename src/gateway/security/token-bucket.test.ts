import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('a token bucket', () => {
  it('lets a burst through, then the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.waitSeconds).toBeCloseTo(0.5);
    now += 499;
    expect(bucket.take()).toBe(false);
    now += 2;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than its burst, however long it waits', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 1, () => now);
    now += 3_600_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('lets through the rate over a long flood, no more', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    let passed = 0;
    // 10,000 writes over 2 s
    for (let i = 0; i < 10_000; i++) {
      now = (i / 10_000) * 2000;
      if (bucket.take()) passed++;
    }
    expect(passed).toBeGreaterThanOrEqual(19);
    expect(passed).toBeLessThanOrEqual(20);
  });
});
