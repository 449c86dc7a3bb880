import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/protocol/protocol';
import { createSimulator, type SimFrame } from '../simulator';
import { lbMisconfig } from './lb-misconfig';

// the incident day in UTC; local time is UTC-4
const z = (hhmm: string) => Date.parse(`2024-05-15T${hhmm}:00Z`);
const SKEWED = ['app-04', 'app-07'];

const sim = createSimulator(lbMisconfig);
const played: SimFrame[] = Array.from({ length: 1200 }, () => sim.next()); // 13:30Z .. 16:50Z
const between = (from: string, to: string) => played.filter((f) => f.t > z(from) && f.t <= z(to));
const frameAt = (hhmm: string) => played.find((f) => f.t === z(hhmm))!;

const shares = (f: SimFrame) => {
  const total = f.samples.reduce((sum, s) => sum + s.requests, 0);
  return new Map(f.samples.map((s) => [s.id, s.requests / total]));
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (s: Sample) => s.latencyMs!.p95;
const healthyMedianP95 = (f: SimFrame) =>
  median(f.samples.filter((s) => !SKEWED.includes(s.id)).map(p95));
const byId = (f: SimFrame, id: string) => f.samples.find((s) => s.id === id)!;

describe('lb-misconfig shares', () => {
  it.each([
    {
      phase: 'before the change (13:30Z-13:55Z)',
      from: '13:30',
      to: '13:55',
      skewed: 0.1,
      others: 0.1,
    },
    {
      phase: 'during the outage (14:00Z-16:00Z)',
      from: '14:00',
      to: '16:00',
      skewed: 0.22,
      others: 0.07,
    },
    {
      phase: 'after the fix (16:10Z-16:50Z)',
      from: '16:10',
      to: '16:50',
      skewed: 0.1,
      others: 0.1,
    },
  ])(
    '$phase: app-04/app-07 ~$skewed, the others ~$others (+-2%)',
    ({ from, to, skewed, others }) => {
      const frames = between(from, to);
      expect(frames.length).toBeGreaterThan(100);
      for (const f of frames) {
        for (const [id, share] of shares(f)) {
          expect(Math.abs(share - (SKEWED.includes(id) ? skewed : others))).toBeLessThan(0.02);
        }
      }
    },
  );
});

describe('lb-misconfig latency and errors', () => {
  const normalP95 = median(between('13:30', '13:55').map(healthyMedianP95));

  it('runs a normal pool at ~120 ms p95', () => {
    expect(normalP95).toBeGreaterThan(80);
    expect(normalP95).toBeLessThan(160);
  });

  it.each(['14:00', '14:30', '15:00', '15:59'])(
    'at %sZ app-04 and app-07 p95 is > 10x the healthy median, in seconds',
    (hhmm) => {
      const f = frameAt(hhmm);
      for (const id of SKEWED) {
        expect(p95(byId(f, id))).toBeGreaterThan(10 * healthyMedianP95(f));
        expect(p95(byId(f, id))).toBeGreaterThan(2_000);
        expect(p95(byId(f, id))).toBeLessThanOrEqual(10_000);
      }
    },
  );

  it('fails a visible share of the skewed servers requests, ~0.1% elsewhere', () => {
    const during = between('14:00', '16:00');
    const rate = (ids: (id: string) => boolean) => {
      const samples = during.flatMap((f) => f.samples.filter((s) => ids(s.id)));
      const sum = (k: 'errors' | 'requests') => samples.reduce((a, s) => a + (s[k] ?? 0), 0);
      return sum('errors') / sum('requests');
    };
    expect(rate((id) => SKEWED.includes(id))).toBeGreaterThan(0.1);
    expect(rate((id) => !SKEWED.includes(id))).toBeLessThan(0.003);
  });

  // normal = no server stands out from its pool, and the pool is about as fast as before
  const expectNormal = (f: SimFrame) => {
    const pool = median(f.samples.map(p95));
    expect(pool).toBeLessThan(1.3 * normalP95);
    for (const s of f.samples) {
      expect(Math.abs(shares(f).get(s.id)! - 0.1)).toBeLessThan(0.02);
      expect(p95(s)).toBeLessThan(2 * pool);
    }
  };

  it('recovers within two minutes of the fix and stays normal', () => {
    between('16:02', '16:50').forEach(expectNormal);
  });

  // fast-forwarding generates every frame on the way (~20k here), hence the longer timeout
  it('is still normal two days later', { timeout: 30_000 }, () => {
    const later = createSimulator(lbMisconfig);
    later.skipTo((2 * 24 * 3_600_000) / lbMisconfig.intervalMs);
    expectNormal(later.next());
  });
});

describe('lb-misconfig annotations', () => {
  const emitted = played.flatMap((f) => f.annotations.map((a) => ({ ...a, frameT: f.t })));

  it.each([
    { t: '13:55', kind: 'change', id: 'lb-misconfig:09:55' },
    { t: '14:00', kind: 'detected', id: 'lb-misconfig:10:00' },
    { t: '14:05', kind: 'investigating', id: 'lb-misconfig:10:05' },
    { t: '14:30', kind: 'investigating', id: 'lb-misconfig:10:30' },
    { t: '14:45', kind: 'investigating', id: 'lb-misconfig:10:45' },
    { t: '15:00', kind: 'escalated', id: 'lb-misconfig:11:00' },
    { t: '15:30', kind: 'identified', id: 'lb-misconfig:11:30' },
    { t: '16:00', kind: 'resolved', id: 'lb-misconfig:12:00' },
  ])('$id is a $kind at $t UTC, sent with the frame ending then', ({ t, kind, id }) => {
    const a = emitted.find((e) => e.id === id)!;
    expect(a).toMatchObject({ t: z(t), kind, frameT: z(t) });
    expect(a.title.length).toBeLessThan(60);
    expect(a.text).toMatch(/\.$/);
    if (kind !== 'change') expect(a.source).toBe('postmortem:2024-05-15-lb-misconfig.md');
  });

  it('sends nothing else', () => {
    expect(emitted).toHaveLength(8);
  });
});
