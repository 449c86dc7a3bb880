import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, pollingSource, type Reading } from './polling-source';
import type { SourceFrame, SourceInfo, SourceSink, SourceState } from './source';

interface Count extends Reading {
  requests: number;
}

/** A live system the test scripts: each read answers with the next count, or fails. */
function fakeSystem() {
  const system = {
    requests: 0,
    down: undefined as string | undefined,
    readMs: 0,
    reads: 0,
    inFlight: 0,
    mostInFlight: 0,
    async read(): Promise<Count> {
      system.reads++;
      system.inFlight++;
      system.mostInFlight = Math.max(system.mostInFlight, system.inFlight);
      try {
        if (system.readMs > 0) await new Promise((r) => setTimeout(r, system.readMs));
        if (system.down !== undefined) throw new Error(system.down);
        return { t: Date.now(), requests: system.requests };
      } finally {
        system.inFlight--;
      }
    },
  };
  return system;
}

function recorder() {
  const infos: SourceInfo[] = [];
  const frames: SourceFrame[] = [];
  const states: SourceState[] = [];
  const warnings: string[] = [];
  const sink: SourceSink = {
    info: (i) => infos.push(i),
    frame: (f) => frames.push(f),
    annotation: () => {},
    state: (s) => states.push(s),
  };
  return { infos, frames, states, warnings, sink, warn: (m: string) => warnings.push(m) };
}

function start(system: ReturnType<typeof fakeSystem>, r: ReturnType<typeof recorder>) {
  const source = pollingSource<Count>({
    name: 'test:system',
    intervalMs: 1000,
    read: () => system.read(),
    servers: () => [{ id: 'a', weight: 1 }],
    frame: (before, after) => ({
      t: after.t,
      intervalMs: after.t - before.t,
      samples: [{ id: 'a', requests: after.requests - before.requests, latencyMs: null }],
    }),
    warn: r.warn,
  });
  source.start(r.sink);
  return source;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backoffMs', () => {
  it('tries the next tick after one failure, then doubles up to four intervals', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffMs(5000, n))).toEqual([
      0, 10_000, 20_000, 20_000, 20_000, 20_000,
    ]);
  });
});

describe('pollingSource', () => {
  it('sends the difference between reads as frames and announces its servers', async () => {
    const system = fakeSystem();
    const r = recorder();
    const source = start(system, r);
    system.requests = 10;
    await vi.advanceTimersByTimeAsync(1000);
    system.requests = 25;
    await vi.advanceTimersByTimeAsync(1000);
    source.stop();

    expect(r.infos.map((i) => i.servers.map((s) => s.id))).toEqual([[], ['a']]);
    expect(r.infos[0]).toMatchObject({ source: 'test:system', mode: 'live', intervalMs: 1000 });
    expect(r.frames.map((f) => [f.intervalMs, f.samples[0]!.requests])).toEqual([
      [1000, 10],
      [1000, 15],
    ]);
  });

  it('never starts a read while the previous one is still out', async () => {
    const system = fakeSystem();
    system.readMs = 2500;
    const r = recorder();
    const source = start(system, r);
    await vi.advanceTimersByTimeAsync(10_000);
    source.stop();
    expect(system.mostInFlight).toBe(1);
    // reads at 0, 3 s, 6 s, 9 s: each skips the ticks it outlasted
    expect(system.reads).toBe(4);
  });

  it('rides out one failed read within the interval, without a warning', async () => {
    const system = fakeSystem();
    const r = recorder();
    const source = start(system, r);
    await vi.advanceTimersByTimeAsync(0);
    system.down = 'connect ECONNREFUSED';
    const reads = system.reads;
    await vi.advanceTimersByTimeAsync(1000);
    // the tick's read failed; the system is back before the retry a fifth of an interval later
    system.down = undefined;
    await vi.advanceTimersByTimeAsync(200);
    source.stop();
    expect(system.reads).toBe(reads + 2);
    expect(r.warnings).toEqual([]);
    expect(r.frames).toHaveLength(1);
  });

  it('says once what fails, backs off while it fails, and says when the system is back', async () => {
    const system = fakeSystem();
    const r = recorder();
    const source = start(system, r);
    await vi.advanceTimersByTimeAsync(0);
    system.down = 'connect ECONNREFUSED 127.0.0.1:9090';
    const readsBefore = system.reads;
    await vi.advanceTimersByTimeAsync(60_000);

    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('test:system: connect ECONNREFUSED 127.0.0.1:9090');
    expect(r.warnings[0]).toContain('backing off to every 4000 ms');
    expect(r.states.at(-1)).toEqual({ kind: 'failing', problem: system.down });
    // one read (and its retry) per tick would be 120 reads in a minute; backing off to every
    // 4 s it is about a quarter of that
    const failedReads = system.reads - readsBefore;
    expect(failedReads).toBeGreaterThan(20);
    expect(failedReads).toBeLessThan(40);

    system.down = undefined;
    system.requests = 7;
    const framesBefore = r.frames.length;
    await vi.advanceTimersByTimeAsync(4000);
    expect(r.warnings.at(-1)).toBe('test:system answers again');
    expect(r.states.at(-1)).toEqual({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(1000);
    source.stop();
    expect(r.frames.length).toBeGreaterThan(framesBefore);
  });

  it('warns again when the failure changes', async () => {
    const system = fakeSystem();
    const r = recorder();
    const source = start(system, r);
    system.down = 'HTTP 503 Service Unavailable';
    await vi.advanceTimersByTimeAsync(10_000);
    system.down = 'no answer within the timeout';
    await vi.advanceTimersByTimeAsync(10_000);
    source.stop();
    expect(r.warnings.map((w) => w.split(';')[0])).toEqual([
      'test:system: HTTP 503 Service Unavailable',
      'test:system: no answer within the timeout',
    ]);
  });
});
