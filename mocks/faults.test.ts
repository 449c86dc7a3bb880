import { describe, expect, it } from 'vitest';
import { lbStateAt, type LbState } from './faults';
import type { Fault, ScenarioServer } from './scenario';

const server = (id: string, weight = 1): ScenarioServer => ({
  id,
  weight,
  capacityRps: 100,
  serviceMs: { p50: 10, p95: 20, p99: 30 },
});
const servers = [server('a'), server('b', 2), server('c')];
const faults: Fault[] = [
  { fromT: 100, toT: 200, effect: { kind: 'misroute', fraction: 0.3, to: ['a', 'c'] } },
  { fromT: 150, effect: { kind: 'down', server: 'b' } },
  { fromT: 300, toT: 400, effect: { kind: 'weight', server: 'a', weight: 5 } },
  { fromT: 300, toT: 400, effect: { kind: 'slow', server: 'c', factor: 2 } },
  { fromT: 350, toT: 400, effect: { kind: 'slow', server: 'c', factor: 3 } },
];
const base: LbState = { weights: [1, 2, 1], up: [true, true, true], slow: [1, 1, 1], pins: [] };

describe('lbStateAt', () => {
  it.each<{ t: number; want: LbState }>([
    { t: 99, want: base },
    { t: 100, want: { ...base, pins: [{ fraction: 0.3, to: [0, 2] }] } },
    {
      t: 150,
      want: { ...base, up: [true, false, true], pins: [{ fraction: 0.3, to: [0, 2] }] },
    },
    { t: 200, want: { ...base, up: [true, false, true] } },
    { t: 300, want: { weights: [5, 2, 1], up: [true, false, true], slow: [1, 1, 2], pins: [] } },
    { t: 350, want: { weights: [5, 2, 1], up: [true, false, true], slow: [1, 1, 6], pins: [] } },
    { t: 1e13, want: { ...base, up: [true, false, true] } },
  ])('at t=$t', ({ t, want }) => {
    expect(lbStateAt(servers, faults, t)).toEqual(want);
  });
});
