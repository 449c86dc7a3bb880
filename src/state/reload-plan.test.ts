import { describe, expect, it } from 'vitest';
import { parseReloadHistory, planReload, type ReloadPolicy } from './reload-plan';

const POLICY: ReloadPolicy = { max: 3, withinMs: 600_000, delayMs: 5000 };
const NOW = 10_000_000;

describe('planReload', () => {
  it.each<{ why: string; history: number[]; reload: boolean; kept: number[] }>([
    { why: 'a first error', history: [], reload: true, kept: [NOW] },
    {
      why: 'two recent reloads',
      history: [NOW - 60_000, NOW - 30_000],
      reload: true,
      kept: [NOW - 60_000, NOW - 30_000, NOW],
    },
    {
      why: 'three reloads within ten minutes: stop',
      history: [NOW - 500_000, NOW - 60_000, NOW - 30_000],
      reload: false,
      kept: [NOW - 500_000, NOW - 60_000, NOW - 30_000],
    },
    {
      why: 'old reloads no longer count',
      history: [NOW - 700_000, NOW - 650_000, NOW - 30_000],
      reload: true,
      kept: [NOW - 30_000, NOW],
    },
    {
      why: 'a time in the future (a clock set back) does not count',
      history: [NOW + 60_000, NOW + 120_000, NOW + 180_000],
      reload: true,
      kept: [NOW],
    },
  ])('$why', ({ history, reload, kept }) => {
    const plan = planReload(history, NOW, POLICY);
    expect(plan.reload).toBe(reload);
    expect(plan.history).toEqual(kept);
  });

  it('waits the policy delay before reloading', () => {
    expect(planReload([], NOW, POLICY)).toMatchObject({ reload: true, delayMs: 5000 });
  });
});

describe('parseReloadHistory', () => {
  it.each<[string | null, number[]]>([
    [null, []],
    ['', []],
    ['not json', []],
    ['{"a":1}', []],
    ['[1, "2", null, 3.5, 1e999]', [1, 3.5]],
    [
      JSON.stringify(Array.from({ length: 30 }, (_, i) => i)),
      Array.from({ length: 20 }, (_, i) => i + 10),
    ],
  ])('%s', (text, want) => {
    expect(parseReloadHistory(text)).toEqual(want);
  });
});
