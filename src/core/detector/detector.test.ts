import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Frame, Hello, Sample } from '../protocol/protocol';
import type { AlertEvent } from './alert';
import { createDetector } from './detector';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const TEN = Array.from({ length: 10 }, (_, i) => `app-${String(i + 1).padStart(2, '0')}`);

const hello = (servers: Hello['servers']): Hello => ({
  v: 1,
  source: 'test',
  mode: 'replay',
  intervalMs: 10_000,
  servers,
  now: T0,
});
const web = hello(TEN.map((id) => ({ id, pool: 'web', weight: 1 })));

const sample = (id: string, requests: number, o: Partial<Sample> = {}): Sample => ({
  id,
  requests,
  errors: Math.round(requests / 1000),
  latencyMs: requests > 0 ? { p50: 40, p95: 100, p99: 150 } : null,
  ...o,
});
const frame = (i: number, samples: Sample[]): Frame => ({
  v: 1,
  seq: i,
  t: T0 + (i + 1) * 10_000,
  intervalMs: 10_000,
  samples,
});

/** Frame i of a pool of ten: fair shares, except app-04 and app-07 at 2.2x in frames [from, to). */
const seedFrame = (i: number, from = 6, to = 30) =>
  frame(
    i,
    TEN.map((id) => {
      const skewed = i >= from && i < to;
      if (!skewed) return sample(id, 1000);
      return ['app-04', 'app-07'].includes(id)
        ? sample(id, 2200, { errors: 500, latencyMs: { p50: 2000, p95: 3000, p99: 4000 } })
        : sample(id, 700);
    }),
  );

/** Feeds frames 0..n-1 made by `make` and returns every event with its frame index. */
function run(h: Hello, n: number, make: (i: number) => Frame, config = {}) {
  const d = createDetector(config);
  d.hello(h);
  const events: (AlertEvent & { i: number })[] = [];
  for (let i = 0; i < n; i++) events.push(...d.frame(make(i)).map((e) => ({ ...e, i })));
  return { d, events };
}
const brief = (events: (AlertEvent & { i: number })[]) =>
  events.map((e) => `${e.i} ${e.state} ${e.rule} ${e.servers.join(',')} ${e.cause}`);

describe('createDetector on the 2024-05-15 pattern', () => {
  const { d, events } = run(web, 40, (i) => seedFrame(i));

  // skewed frames 6..29; the 20 s window still holds frame 29 at frame 30, so the recovery
  // starts at frame 31 and lasts the 60 s to frame 36
  it('fires share-skew on app-04, app-07 on the second skewed frame, then latency and errors', () => {
    expect(brief(events)).toEqual([
      '7 firing share-skew app-04,app-07 load-balancer',
      '8 firing latency app-04,app-07 load-balancer',
      '8 firing errors app-04,app-07 load-balancer',
      '36 resolved share-skew app-04,app-07 load-balancer',
      '36 resolved latency app-04,app-07 load-balancer',
      '36 resolved errors app-04,app-07 load-balancer',
    ]);
  });

  it('says it in one line, with the numbers', () => {
    expect(events[0]!.message).toBe(
      "app-04, app-07 get 2.2x their weighted share; their p95 is 30x the pool's: load balancer",
    );
    expect(events[3]!.message).toBe('share skew on app-04, app-07 recovered after 4m 50s');
  });

  it('gives exactly the fields of the CONTRACT line, in its order', () => {
    const keys = Object.keys(events[0]!).filter((k) => k !== 'i');
    expect(keys).toEqual(['type', 't', 'state', 'rule', 'servers', 'cause', 'message']);
    expect(events[0]).toMatchObject({ type: 'alert', t: T0 + 80_000 });
  });

  it('has nothing firing once all resolved', () => {
    expect(d.firing()).toEqual([]);
  });
});

describe('createDetector on a source that only knows a mean latency (HAProxy)', () => {
  // p50 = p95 = p99 = the mean, as the haproxy and prometheus sources send it
  const meanFrame = (i: number): Frame => {
    const f = seedFrame(i);
    return {
      ...f,
      samples: f.samples.map((s) => {
        const mean = s.latencyMs?.p95;
        return { ...s, latencyMs: mean === undefined ? null : { p50: mean, p95: mean, p99: mean } };
      }),
    };
  };

  it.each([
    {
      latency: 'mean' as const,
      skew: "app-04, app-07 get 2.2x their weighted share; their mean latency is 30x the pool's: load balancer",
      slow: "mean latency of app-04, app-07 is 30x the pool's (3.0 s vs 100 ms); they get 2.2x their weighted share: load balancer",
    },
    {
      latency: 'quantiles' as const,
      skew: "app-04, app-07 get 2.2x their weighted share; their p95 is 30x the pool's: load balancer",
      slow: "p95 of app-04, app-07 is 30x the pool's (3.0 s vs 100 ms); they get 2.2x their weighted share: load balancer",
    },
  ])('hello.latency $latency: the messages say "$skew"', ({ latency, skew, slow }) => {
    const { events } = run({ ...web, latency }, 10, meanFrame);
    const firing = events.filter((e) => e.state === 'firing');
    expect(firing.find((e) => e.rule === 'share-skew')?.message).toBe(skew);
    expect(firing.find((e) => e.rule === 'latency')?.message).toBe(slow);
  });

  it('follows the newest hello: a source that turns out to know only a mean is worded so', () => {
    const d = createDetector();
    d.hello(web);
    d.hello({ ...web, latency: 'mean' });
    const messages = Array.from({ length: 10 }, (_, i) => d.frame(meanFrame(i)))
      .flat()
      .map((e) => e.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).not.toContain('p95');
  });
});

describe('a frame lists its servers in any order', () => {
  it('gives the same alerts, messages and all, whatever the order of its samples', () => {
    const inOrder = run(web, 40, (i) => seedFrame(i)).events;
    const reversed = run(web, 40, (i) => {
      const f = seedFrame(i);
      return { ...f, samples: [...f.samples].reverse() };
    }).events;
    // one server's sample first in some frames, the rest in order
    const rotated = run(web, 40, (i) => {
      const f = seedFrame(i);
      const k = i % 10;
      return { ...f, samples: [...f.samples.slice(k), ...f.samples.slice(0, k)] };
    }).events;
    expect(inOrder).toHaveLength(6);
    expect(reversed).toEqual(inOrder);
    expect(rotated).toEqual(inOrder);
  });
});

describe('firing()', () => {
  it('lists what fires now, with a stable id and its start', () => {
    const { d } = run(web, 12, (i) => seedFrame(i));
    expect(d.firing()).toEqual([
      expect.objectContaining({
        id: 'share-skew:app-04,app-07',
        rule: 'share-skew',
        startT: T0 + 80_000,
      }),
      expect.objectContaining({ id: 'latency:app-04,app-07', cause: 'load-balancer' }),
      expect.objectContaining({ id: 'errors:app-04,app-07' }),
    ]);
  });
});

describe('createDetector: what it must not fire on', () => {
  it.each([
    {
      name: 'weights from the samples override hello (a re-weighted server, fair share)',
      h: web,
      make: (i: number) =>
        frame(
          i,
          TEN.map((id) => (id === 'app-02' ? sample(id, 3000, { weight: 3 }) : sample(id, 1000))),
        ),
    },
    {
      // a pool-blind detector would see the api servers at 3x and the web servers at 0.2x
      name: 'two pools with their own traffic',
      h: hello([
        ...['api-1', 'api-2', 'api-3'].map((id) => ({ id, pool: 'api', weight: 1 })),
        ...['web-1', 'web-2', 'web-3'].map((id) => ({ id, pool: 'web', weight: 1 })),
      ]),
      make: (i: number) =>
        frame(i, [
          ...['api-1', 'api-2', 'api-3'].map((id) => sample(id, 3000)),
          ...['web-1', 'web-2', 'web-3'].map((id) => sample(id, 200)),
        ]),
    },
    {
      name: 'a server down: the rest take its part',
      h: web,
      make: (i: number) =>
        frame(
          i,
          TEN.map((id) =>
            id === 'app-05' && i === 5 ? sample(id, 0, { up: false }) : sample(id, 1000),
          ),
        ),
    },
    {
      name: 'a server the hello did not list joins at weight 1 in the default pool',
      h: hello(TEN.slice(0, 9).map((id) => ({ id, weight: 1 }))),
      make: (i: number) =>
        frame(
          i,
          TEN.map((id) => sample(id, 1000)),
        ),
    },
  ])('$name', ({ h, make }) => {
    expect(run(h, 20, make).events).toEqual([]);
  });
});

describe('createDetector: pools', () => {
  it('names only the skewed pool, and says which pool', () => {
    const h = hello([
      ...['api-1', 'api-2', 'api-3'].map((id) => ({ id, pool: 'api', weight: 1 })),
      ...['web-1', 'web-2', 'web-3'].map((id) => ({ id, pool: 'web', weight: 1 })),
    ]);
    const { events } = run(h, 5, (i) =>
      frame(i, [
        ...['api-1', 'api-2', 'api-3'].map((id) => sample(id, 3000)),
        sample('web-1', 400),
        ...['web-2', 'web-3'].map((id) => sample(id, 100)),
      ]),
    );
    expect(brief(events)).toEqual(['1 firing share-skew web-1 load-balancer']);
    expect(events[0]!.message).toBe('web: web-1 gets 2.0x its weighted share: load balancer');
  });
});

describe('createDetector: time', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs on the frames' clock: the wall clock changes nothing", () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2030, 0, 1));
    const a = run(web, 40, (i) => seedFrame(i)).events;
    vi.setSystemTime(Date.UTC(1999, 0, 1));
    const b = run(web, 40, (i) => seedFrame(i)).events;
    expect(b).toEqual(a);
  });

  it('ignores a frame it has already seen (a resumed connection repeats frames)', () => {
    const d = createDetector();
    d.hello(web);
    const events: AlertEvent[] = [];
    for (let i = 0; i < 12; i++) {
      events.push(...d.frame(seedFrame(i)));
      events.push(...d.frame(seedFrame(i)));
      if (i > 0) events.push(...d.frame(seedFrame(i - 1)));
    }
    expect(events.map((e) => e.rule)).toEqual(['share-skew', 'latency', 'errors']);
  });

  it('a server dropped from hello resolves its alerts in due course', () => {
    const d = createDetector();
    d.hello(web);
    for (let i = 0; i < 10; i++) d.frame(seedFrame(i));
    d.hello(
      hello(
        TEN.filter((id) => id !== 'app-04' && id !== 'app-07').map((id) => ({
          id,
          pool: 'web',
          weight: 1,
        })),
      ),
    );
    const later: AlertEvent[] = [];
    for (let i = 10; i < 30; i++) {
      const f = seedFrame(i, 0, 0);
      later.push(
        ...d.frame({
          ...f,
          samples: f.samples.filter((s) => s.id !== 'app-04' && s.id !== 'app-07'),
        }),
      );
    }
    expect(later.map((e) => `${e.state} ${e.rule}`)).toEqual([
      'resolved share-skew',
      'resolved latency',
      'resolved errors',
    ]);
  });
});

describe('createDetector: config', () => {
  it('takes overrides: at a 3x bar the 2.2x skew is no share-skew', () => {
    const { events } = run(web, 12, (i) => seedFrame(i), {
      shareSkew: { factor: 3, clearFactor: 2 },
    });
    expect(events.map((e) => e.rule)).toEqual(['latency', 'errors']);
  });

  it('refuses a bad one', () => {
    expect(() => createDetector({ latency: { factor: 0.5 } })).toThrow(
      'config.latency.factor: must be > 1',
    );
  });
});

describe('createDetector: a fleet whose servers come and go', () => {
  // frames 10 s apart and a 20 s window: a server sampled in frame i is in the window
  // through frame i + 1
  const LIFE = 50;
  const EVERY = 5;
  const podsAt = (i: number) => {
    const out: string[] = [];
    for (let born = Math.max(0, i - LIFE + 1); born <= i; born++) {
      if (born % EVERY === 0) out.push(`pod-${born}`);
    }
    return out;
  };
  const lb = hello([{ id: 'lb', pool: 'edge', weight: 1 }]);

  it('over 10,000 frames keeps only the servers sampled in its window, and fires nothing', () => {
    const d = createDetector();
    d.hello(lb);
    const events: AlertEvent[] = [];
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      // lb idles: sampled with no requests, never departed
      const f = frame(i, [sample('lb', 0), ...podsAt(i).map((id) => sample(id, 1000))]);
      events.push(...d.frame(f));
      most = Math.max(most, d.servers().length);
      if (i % 997 === 0) {
        const inWindow = new Set(['lb', ...podsAt(i), ...podsAt(i - 1)]);
        expect(new Set(d.servers()), `frame ${i}`).toEqual(inWindow);
      }
    }
    expect(events).toEqual([]);
    // alive now (10) and those whose last sample is one frame old (1), and lb
    expect(most).toBeLessThanOrEqual(LIFE / EVERY + 2);
  });

  it('forgets an unlisted server once its last sample leaves the window', () => {
    const d = createDetector();
    d.hello(lb);
    d.frame(frame(0, [sample('lb', 0), sample('pod-a', 10)]));
    d.frame(frame(1, [sample('lb', 0)]));
    expect(d.servers()).toEqual(['lb', 'pod-a']);
    d.frame(frame(2, [sample('lb', 0)]));
    expect(d.servers()).toEqual(['lb']);
  });

  it('keeps a server the hello lists; one it stops listing goes with its last sample', () => {
    const d = createDetector();
    d.hello(hello(['a', 'b', 'quiet'].map((id) => ({ id, pool: 'web', weight: 1 }))));
    for (let i = 0; i < 5; i++) d.frame(frame(i, [sample('a', 100), sample('b', 100)]));
    // listed and never sampled: kept, so a first sample still finds its pool
    expect(d.servers()).toEqual(['a', 'b', 'quiet']);
    d.hello(hello(['a'].map((id) => ({ id, pool: 'web', weight: 1 }))));
    // b is still sampled: kept, with its pool, until its samples stop
    d.frame(frame(5, [sample('a', 100), sample('b', 100)]));
    expect(d.servers()).toEqual(['a', 'b']);
    d.frame(frame(6, [sample('a', 100)]));
    d.frame(frame(7, [sample('a', 100)]));
    expect(d.servers()).toEqual(['a']);
  });
});
