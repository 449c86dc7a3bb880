import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator';
import { at, fleet, repeat } from './fleet';
import { flapping } from './flapping';

describe('fleet', () => {
  it.each([
    { n: 3, o: {}, want: ['app-01', 'app-02', 'app-03'] },
    { n: 2, o: { prefix: 'web', pool: 'web' }, want: ['web-01', 'web-02'] },
  ])('$n servers $o', ({ n, o, want }) => {
    const servers = fleet(n, o);
    expect(servers.map((s) => s.id)).toEqual(want);
    expect(servers.every((s) => s.pool === (o as { pool?: string }).pool)).toBe(true);
  });
});

describe('repeat', () => {
  it('makes `times` faults, `on` ms long, one per period', () => {
    const effect = { kind: 'down', server: 'a' } as const;
    expect(repeat(1000, 3, 100, 20, effect)).toEqual([
      { fromT: 1000, toT: 1020, effect },
      { fromT: 1100, toT: 1120, effect },
      { fromT: 1200, toT: 1220, effect },
    ]);
  });

  // 10 s frames: a fault counts for a frame when active at its start
  it('flaps app-03 down for two frames of every six in the flapping scenario', () => {
    const sim = createSimulator(flapping);
    sim.skipTo((at(5) - flapping.startT) / flapping.intervalMs);
    const downs = Array.from({ length: 12 }, () => sim.next())
      .map((f) => (f.samples.find((s) => s.id === 'app-03')!.up ? '.' : 'D'))
      .join('');
    expect(downs).toBe('DD....DD....');
  });
});
