import { describe, expect, it } from 'vitest';
import { annotation, frame, hello } from '../src/core/protocol/protocol';
import type { Scenario } from './scenario';
import { lbMisconfig } from './scenarios/lb-misconfig';
import { createSimulator, type SimFrame } from './simulator';

const MIN = 60_000;
const server = (id: string) => ({
  id,
  pool: 'p',
  weight: 1,
  capacityRps: 100,
  serviceMs: { p50: 10, p95: 30, p99: 60 },
});
// every kind of fault, one after another, so 2000 frames go through all of them
const allFaults: Scenario = {
  name: 'all-faults',
  description: 'misroute, slow, down and weight in turn',
  tz: '+00:00',
  startT: Date.UTC(2024, 0, 1),
  intervalMs: 10_000,
  seed: 5,
  servers: ['a', 'b', 'c', 'd'].map(server),
  traffic: { rps: 200, diurnal: { amplitude: 0.2, peakHourUtc: 12 }, noise: 0.05 },
  faults: [
    {
      fromT: Date.UTC(2024, 0, 1, 0, 30),
      toT: Date.UTC(2024, 0, 1, 1),
      effect: { kind: 'misroute', fraction: 0.5, to: ['a'] },
    },
    {
      fromT: Date.UTC(2024, 0, 1, 1, 30),
      toT: Date.UTC(2024, 0, 1, 2),
      effect: { kind: 'slow', server: 'b', factor: 8 },
    },
    {
      fromT: Date.UTC(2024, 0, 1, 2, 30),
      toT: Date.UTC(2024, 0, 1, 3),
      effect: { kind: 'down', server: 'c' },
    },
    { fromT: Date.UTC(2024, 0, 1, 3, 30), effect: { kind: 'weight', server: 'd', weight: 3 } },
  ],
  annotations: [
    { id: 'early', t: Date.UTC(2023, 11, 31), title: 'before the start', kind: 'note' },
    { id: 'edge', t: Date.UTC(2024, 0, 1, 0, 0, 20), title: 'on a frame edge', kind: 'change' },
    { id: 'mid', t: Date.UTC(2024, 0, 1, 0, 0, 25), title: 'inside a frame', kind: 'alert' },
  ],
};
const frames = (s: Scenario, n: number, seed?: number) => {
  const sim = createSimulator(s, seed === undefined ? {} : { seed });
  return Array.from({ length: n }, () => sim.next());
};

describe.each([lbMisconfig, allFaults])('simulating $name', (scenario) => {
  const played = frames(scenario, 2000);

  it('produces 2000 frames that all validate against the protocol', () => {
    played.forEach(({ annotations, ...f }, seq) => {
      expect(() => frame.check({ v: 1, seq, ...f })).not.toThrow();
      for (const a of annotations) expect(() => annotation.check({ v: 1, ...a })).not.toThrow();
    });
  });

  it('ends each frame one interval after the last', () => {
    played.forEach((f, i) => expect(f.t).toBe(scenario.startT + (i + 1) * scenario.intervalMs));
  });

  it('says hello in the protocol shape', () => {
    const h = createSimulator(scenario).hello();
    expect(() => hello.check({ v: 1, ...h })).not.toThrow();
    expect(h).toMatchObject({ source: `sim:${scenario.name}`, mode: 'live', now: scenario.startT });
    expect(h.servers.map((s) => s.id)).toEqual(scenario.servers.map((s) => s.id));
  });

  it('emits every annotation once, in the frame whose interval holds it', () => {
    const seen = played.flatMap((f, i) =>
      f.annotations.map((a) => ({ a, from: i === 0 ? -Infinity : played[i - 1]!.t, to: f.t })),
    );
    expect(seen.map(({ a }) => a.id).sort()).toEqual(scenario.annotations.map((a) => a.id).sort());
    for (const { a, from, to } of seen) expect(a.t > from && a.t <= to).toBe(true);
  });
});

describe('determinism', () => {
  const reference = frames(allFaults, 400);
  it.each<{ name: string; seed: number | undefined; same: boolean }>([
    { name: 'the same seed', seed: undefined, same: true },
    { name: "the scenario's own seed given", seed: allFaults.seed, same: true },
    { name: 'another seed', seed: 6, same: false },
  ])('$name gives the same frames: $same', ({ seed, same }) => {
    const again = frames(allFaults, 400, seed);
    if (same) expect(again).toEqual(reference);
    else expect(again).not.toEqual(reference);
  });
});

describe('skipTo', () => {
  const reference = frames(allFaults, 1000);
  it.each([0, 1, 2, 179, 540, 999])('skipTo(%i) then next() gives that frame', (n) => {
    const sim = createSimulator(allFaults);
    sim.skipTo(n);
    expect(sim.frameIndex).toBe(n);
    expect(sim.now).toBe(allFaults.startT + n * allFaults.intervalMs);
    expect(sim.next()).toEqual(reference[n]);
  });

  it('goes backwards by replaying from the start', () => {
    const sim = createSimulator(allFaults);
    sim.skipTo(700);
    sim.skipTo(300);
    expect(sim.next()).toEqual(reference[300]);
  });

  it('keeps the annotations it skipped for late joiners', () => {
    const sim = createSimulator(allFaults);
    expect(sim.annotationsSoFar()).toEqual([]);
    sim.skipTo(2);
    expect(sim.annotationsSoFar().map((a) => a.id)).toEqual(['early', 'edge']);
    expect(sim.next().annotations.map((a) => a.id)).toEqual(['mid']);
  });

  it.each([-1, 1.5, NaN])('rejects %s', (n) => {
    expect(() => createSimulator(allFaults).skipTo(n)).toThrow(/frame index/);
  });
});

describe('faults reach the samples', () => {
  const played = frames(allFaults, 2000);
  const at = (t: number) => played.find((f) => f.t > t)!;
  const sampleOf = (f: SimFrame, id: string) => f.samples.find((s) => s.id === id)!;

  it.each([
    {
      name: 'down: c is up:false with no requests',
      t: Date.UTC(2024, 0, 1, 2, 45),
      id: 'c',
      want: { up: false, requests: 0, latencyMs: null },
    },
    {
      name: 'weight: d carries weight 3',
      t: Date.UTC(2024, 0, 1, 4),
      id: 'd',
      want: { up: true, weight: 3 },
    },
  ])('$name', ({ t, id, want }) => {
    expect(sampleOf(at(t), id)).toMatchObject(want);
  });

  it('slow: b is many times slower than a', () => {
    const f = at(Date.UTC(2024, 0, 1, 1, 45));
    expect(sampleOf(f, 'b').latencyMs!.p95).toBeGreaterThan(10 * sampleOf(f, 'a').latencyMs!.p95);
  });

  it('hello reports the weights configured now', () => {
    const sim = createSimulator(allFaults);
    sim.skipTo((4 * 60 * MIN) / allFaults.intervalMs);
    expect(sim.hello().servers.map((s) => s.weight)).toEqual([1, 1, 1, 3]);
  });
});
