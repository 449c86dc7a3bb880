import { describe, expect, it } from 'vitest';
import { WriterRates } from './writer-rates';

describe('WriterRates', () => {
  it('holds each writer to its burst, apart from the others', () => {
    const rates = new WriterRates({ burst: 3, perSecond: 0.001 });
    const takes = (who: string, n: number) => Array.from({ length: n }, () => rates.take(who));
    expect(takes('a', 4).map((w) => w === 0)).toEqual([true, true, true, false]);
    expect(takes('b', 1)).toEqual([0]);
    expect(rates.take('a')).toBeGreaterThanOrEqual(1);
  });

  it('forgets the least recently seen writer past its size, so the table is bounded', () => {
    const rates = new WriterRates({ burst: 1, perSecond: 0.001 }, 2);
    expect(rates.take('a')).toBe(0);
    expect(rates.take('b')).toBe(0);
    expect(rates.take('a')).toBeGreaterThan(0); // a is seen again: b is now the oldest
    expect(rates.take('c')).toBe(0); // b is forgotten
    expect(rates.take('a')).toBeGreaterThan(0); // a is still held to its rate
    expect(rates.take('b')).toBe(0); // b starts afresh
  });
});
