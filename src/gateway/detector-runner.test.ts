import { describe, expect, it } from 'vitest';
import type { LiveAlerts } from '../core/detector';
import type { AlertPayload, Frame, Hello } from '../core/protocol/protocol';
import { DetectorRunner } from './detector-runner';

const hello: Hello = { v: 1, source: 't', mode: 'live', intervalMs: 1000, servers: [], now: 0 };
const frame = (seq: number): Frame => ({ v: 1, seq, t: seq * 1000, intervalMs: 1000, samples: [] });
const alertAt = (t: number): AlertPayload => ({
  v: 1,
  id: `server-down:a:${t}`,
  state: 'firing',
  t,
  since: t,
  rule: 'server-down',
  servers: ['a'],
  cause: 'unknown',
  message: 'a is down',
});

/** A detector that records what it takes and fires on every frame, or throws when told. */
function fake(throwOn: (f: Frame) => boolean = () => false) {
  const taken: string[] = [];
  const alerts: LiveAlerts = {
    hello: () => void taken.push('hello'),
    frame(f) {
      taken.push(`f${f.seq}`);
      if (throwOn(f)) throw new Error(`boom at ${f.seq}`);
      return [alertAt(f.t)];
    },
    firing: () => [],
  };
  return { alerts, taken };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('DetectorRunner', () => {
  it("takes nothing on the caller's turn, then everything in order on the next", async () => {
    const { alerts, taken } = fake();
    const sent: number[] = [];
    const runner = new DetectorRunner(alerts, (a) => sent.push(a.t));
    runner.queue({ hello });
    runner.queue({ frame: frame(1) });
    runner.queue({ frame: frame(2) });
    expect(taken).toEqual([]);
    await nextTurn();
    expect(taken).toEqual(['hello', 'f1', 'f2']);
    expect(sent).toEqual([1000, 2000]);
  });

  it('logs a failing detector once and carries on with the next frames', async () => {
    const { alerts, taken } = fake((f) => f.seq !== 3);
    const warnings: string[] = [];
    const sent: number[] = [];
    const runner = new DetectorRunner(
      alerts,
      (a) => sent.push(a.t),
      (m) => warnings.push(m),
    );
    for (const seq of [1, 2, 3, 4]) runner.queue({ frame: frame(seq) });
    await nextTurn();
    expect(taken).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(sent).toEqual([3000]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('boom at 1');
  });

  it('holds a bounded number of frames when it falls behind, and says so once', () => {
    const { alerts, taken } = fake();
    const warnings: string[] = [];
    const runner = new DetectorRunner(
      alerts,
      () => {},
      (m) => warnings.push(m),
    );
    runner.queue({ hello });
    for (let seq = 0; seq < 1000; seq++) runner.queue({ frame: frame(seq) });
    runner.drain();
    expect(taken[0]).toBe('hello');
    expect(taken.length).toBeLessThanOrEqual(601);
    expect(taken.at(-1)).toBe('f999');
    expect(warnings).toHaveLength(1);
  });

  it('catches up on a previous run sending nothing, then carries on sending', async () => {
    const { alerts, taken } = fake();
    const sent: number[] = [];
    const runner = new DetectorRunner(alerts, (a) => sent.push(a.t));
    runner.catchUp(hello, [frame(1), frame(2)]);
    expect(taken).toEqual(['hello', 'f1', 'f2']);
    expect(sent).toEqual([]);
    runner.queue({ frame: frame(3) });
    await nextTurn();
    expect(sent).toEqual([3000]);
  });
});
