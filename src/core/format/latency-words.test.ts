import { describe, expect, it } from 'vitest';
import { latencyWords } from './latency-words';

describe('latencyWords', () => {
  it.each([
    { kind: undefined, want: { figure: 'p95', heading: 'p95 latency', column: 'p95' } },
    { kind: 'quantiles' as const, want: { figure: 'p95', heading: 'p95 latency', column: 'p95' } },
    {
      kind: 'mean' as const,
      want: { figure: 'mean latency', heading: 'mean latency', column: 'mean' },
    },
  ])('hello.latency $kind: $want.heading', ({ kind, want }) => {
    expect(latencyWords(kind)).toEqual(want);
  });

  it('never calls a mean a percentile', () => {
    expect(Object.values(latencyWords('mean')).join(' ')).not.toMatch(/p\d\d/);
  });
});
