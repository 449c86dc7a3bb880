import { describe, expect, it } from 'vitest';
import type { Frame, Sample } from '../protocol/protocol';
import { FrameLineScanner } from '../recording/frame-line-scanner';
import { SeriesStore, snapshotBuffers, type ServerSeries } from './series-store';

const DAY = 86_400_000;

const sample = (id: string, requests: number, p95 = 50, extra: Partial<Sample> = {}): Sample => ({
  id,
  requests,
  latencyMs: requests === 0 ? null : { p50: p95 / 2, p95, p99: p95 * 2 },
  ...extra,
});

const frame = (seq: number, t: number, samples: Sample[] = [sample('web-1', 10)]): Frame => ({
  v: 1,
  seq,
  t,
  intervalMs: 1000,
  samples,
});

/** seq 1..n, one second apart. */
const frames = (n: number) => Array.from({ length: n }, (_, i) => frame(i + 1, (i + 1) * 1000));

const heldSeqs = (store: SeriesStore) =>
  Array.from({ length: store.length }, (_, i) => store.seqs[store.slot(i)]);

type Column = 'requests' | 'errors' | 'p95' | 'up' | 'weights';
/** One server's figures for every held frame, oldest first. */
const column = (store: SeriesStore, id: string, field: Column) => {
  const series = store.server(id)!;
  return Array.from({ length: store.length }, (_, i) => series[field][store.slot(i)]);
};

describe('SeriesStore is bounded by count', () => {
  it.each([
    { capacity: 5, pushes: 3, held: [1, 2, 3] },
    { capacity: 5, pushes: 5, held: [1, 2, 3, 4, 5] },
    { capacity: 5, pushes: 6, held: [2, 3, 4, 5, 6] },
    { capacity: 5, pushes: 17, held: [13, 14, 15, 16, 17] },
    { capacity: 1, pushes: 4, held: [4] },
  ])('capacity $capacity, $pushes pushes: holds seqs $held', ({ capacity, pushes, held }) => {
    const store = new SeriesStore({ capacity, maxAgeMs: DAY });
    const evicted = frames(pushes).map((f) => {
      const result = store.push(f);
      return result.kind === 'appended' ? result.evicted : result.kind;
    });
    expect(store.length).toBe(held.length);
    expect(heldSeqs(store)).toEqual(held);
    expect(store.oldestT).toBe(held[0]! * 1000);
    expect(store.newestT).toBe(pushes * 1000);
    // each push beyond capacity reports the one frame it dropped
    expect(evicted).toEqual(evicted.map((_, i) => (i < capacity ? 0 : 1)));
  });
});

describe('SeriesStore is bounded by age', () => {
  it.each([
    {
      name: 'one frame a second, 5 s kept',
      maxAgeMs: 5000,
      ts: [1, 2, 3, 4, 5, 6, 7, 8],
      held: [3, 4, 5, 6, 7, 8],
      lastEvicted: 1,
    },
    {
      name: 'a frame exactly maxAgeMs old stays',
      maxAgeMs: 2000,
      ts: [1, 3],
      held: [1, 3],
      lastEvicted: 0,
    },
    {
      name: 'a jump in time drops all older frames',
      maxAgeMs: 5000,
      ts: [1, 2, 3, 100],
      held: [100],
      lastEvicted: 3,
    },
    {
      name: 'the newest frame stays however old',
      maxAgeMs: 0,
      ts: [1, 2],
      held: [2],
      lastEvicted: 1,
    },
  ])('$name', ({ maxAgeMs, ts, held, lastEvicted }) => {
    const store = new SeriesStore({ capacity: 100, maxAgeMs });
    const results = ts.map((s, i) => store.push(frame(i + 1, s * 1000)));
    expect(Array.from({ length: store.length }, (_, i) => store.times[store.slot(i)])).toEqual(
      held.map((s) => s * 1000),
    );
    expect(results.at(-1)).toEqual({
      kind: 'appended',
      evicted: lastEvicted,
      serversAdded: false,
      serversDropped: false,
    });
  });
});

describe('SeriesStore ignores frames it cannot append', () => {
  it.each([
    { name: 'a seq it already holds (resume)', late: frame(2, 2000), kind: 'duplicate' },
    { name: 'the newest seq again', late: frame(3, 3000), kind: 'duplicate' },
    { name: 'a seq before the first one held', late: frame(0, 500), kind: 'duplicate' },
    { name: 'a new seq whose t goes back', late: frame(4, 2500), kind: 'out-of-order' },
  ])('$name', ({ late, kind }) => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    frames(3).forEach((f) => store.push(f));
    expect(store.push({ ...late, samples: [sample('web-1', 999)] })).toEqual({ kind });
    expect(heldSeqs(store)).toEqual([1, 2, 3]);
    expect(column(store, 'web-1', 'requests')).toEqual([10, 10, 10]);
    expect(store.newestSeq).toBe(3);
  });

  it('accepts a new seq with the same t as the newest', () => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    store.push(frame(1, 1000));
    expect(store.push(frame(2, 1000)).kind).toBe('appended');
    expect(heldSeqs(store)).toEqual([1, 2]);
  });
});

describe('SeriesStore stores each sample in its server row', () => {
  const NA = NaN;
  it.each<{
    name: string;
    samples: Sample[][];
    want: Record<string, Partial<Record<Column, number[]>>>;
  }>([
    {
      name: 'figures from the sample; absent errors count 0',
      samples: [[sample('web-1', 10, 40, { errors: 3 })], [sample('web-1', 20, 80)]],
      want: { 'web-1': { requests: [10, 20], errors: [3, 0], p95: [40, 80], up: [1, 1] } },
    },
    {
      name: 'no requests: latency NaN',
      samples: [[sample('web-1', 0)]],
      want: { 'web-1': { requests: [0], errors: [0], p95: [NA], up: [1] } },
    },
    {
      name: 'an absent sample: NaN, and up',
      samples: [[sample('web-1', 10), sample('web-2', 5)], [sample('web-2', 5)]],
      want: { 'web-1': { requests: [10, NA], errors: [0, NA], p95: [50, NA], up: [1, 1] } },
    },
    {
      name: 'up:false is down; up absent or true is up',
      samples: [
        [sample('web-1', 0, 0, { up: false })],
        [sample('web-1', 5, 50, { up: true })],
        [sample('web-1', 5)],
      ],
      want: { 'web-1': { up: [0, 1, 1] } },
    },
    {
      name: 'a server that appears mid-stream is NaN before',
      samples: [
        [sample('web-1', 10)],
        [sample('web-1', 10)],
        [sample('web-1', 10), sample('web-9', 7, 300)],
      ],
      want: { 'web-9': { requests: [NA, NA, 7], p95: [NA, NA, 300] } },
    },
    {
      name: 'a sample weight holds until the next one',
      samples: [
        [sample('web-1', 10)],
        [sample('web-1', 10, 50, { weight: 3 })],
        [sample('web-1', 10)],
        [sample('web-1', 10, 50, { weight: 0 })],
      ],
      want: { 'web-1': { weights: [1, 3, 3, 0] } },
    },
  ])('$name', ({ samples, want }) => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    store.setServers([{ id: 'web-1', weight: 1 }]);
    samples.forEach((s, i) => store.push(frame(i + 1, (i + 1) * 1000, s)));
    for (const [id, fields] of Object.entries(want)) {
      for (const [field, values] of Object.entries(fields)) {
        expect(column(store, id, field as Column), `${id}.${field}`).toEqual(values);
      }
    }
  });

  it('a reused slot forgets the figures of the frame it held before', () => {
    const store = new SeriesStore({ capacity: 2, maxAgeMs: DAY });
    store.push(frame(1, 1000, [sample('web-1', 10, 40, { errors: 2, up: false, weight: 5 })]));
    store.push(frame(2, 2000, [sample('web-1', 20, 60), sample('web-2', 20)]));
    // frame 3 takes frame 1's slot and has no sample of web-1
    store.push(frame(3, 3000, [sample('web-2', 30)]));
    expect(heldSeqs(store)).toEqual([2, 3]);
    expect(column(store, 'web-1', 'requests')).toEqual([20, NaN]);
    expect(column(store, 'web-1', 'errors')).toEqual([0, NaN]);
    expect(column(store, 'web-1', 'p95')).toEqual([60, NaN]);
    expect(column(store, 'web-1', 'up')).toEqual([1, 1]);
  });

  it.each([
    { name: 'a new server in a frame gets weight 1', extra: {}, weight: 1 },
    { name: 'a new server in a frame takes its sample weight', extra: { weight: 4 }, weight: 4 },
  ])('$name and reports serversAdded', ({ extra, weight }) => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    store.setServers([{ id: 'web-1', weight: 1 }]);
    store.push(frame(1, 1000, [sample('web-1', 10)]));
    const result = store.push(
      frame(2, 2000, [sample('web-1', 10), sample('web-2', 10, 50, extra)]),
    );
    expect(result).toEqual({
      kind: 'appended',
      evicted: 0,
      serversAdded: true,
      serversDropped: false,
    });
    expect(store.servers.map((s) => s.id)).toEqual(['web-1', 'web-2']);
    expect(store.server('web-2')!.weight).toBe(weight);
    expect(store.push(frame(3, 3000, [sample('web-2', 1)]))).toMatchObject({ serversAdded: false });
  });
});

describe('SeriesStore.setServers', () => {
  it('adds servers in order and reports whether the list grew', () => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    expect(
      store.setServers([
        { id: 'web-1', weight: 1 },
        { id: 'web-2', weight: 1 },
      ]),
    ).toBe(true);
    expect(store.setServers([{ id: 'web-2', label: 'Web Two', pool: 'b', weight: 3 }])).toBe(false);
    expect(store.servers.map((s) => [s.id, s.label, s.pool, s.weight])).toEqual([
      ['web-1', undefined, undefined, 1],
      ['web-2', 'Web Two', 'b', 3],
    ]);
  });

  it('a server added after frames is NaN for them and takes its weight in the next frame', () => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    frames(2).forEach((f) => store.push(f));
    expect(store.setServers([{ id: 'web-3', weight: 2 }])).toBe(true);
    store.push(frame(3, 3000, [sample('web-1', 10), sample('web-3', 4)]));
    expect(column(store, 'web-3', 'requests')).toEqual([NaN, NaN, 4]);
    expect(column(store, 'web-3', 'weights').at(-1)).toBe(2);
  });
});

describe('SeriesStore.clearFrames', () => {
  it('forgets frames, keeps servers, and takes seq 1 again (a new gateway)', () => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    store.setServers([{ id: 'web-1', weight: 2 }]);
    frames(5).forEach((f) => store.push(f));
    store.clearFrames();
    expect(store.length).toBe(0);
    expect(store.newestSeq).toBe(-1);
    expect(store.newestT).toBeNaN();
    expect(store.servers.map((s) => [s.id, s.weight])).toEqual([['web-1', 2]]);
    expect(store.push(frame(1, 500, [sample('web-1', 8)])).kind).toBe('appended');
    expect(column(store, 'web-1', 'requests')).toEqual([8]);
  });
});

describe('SeriesStore holds constant memory', () => {
  it('after 100,000 pushes the typed arrays are the same objects and sizes', () => {
    const store = new SeriesStore({ capacity: 600, maxAgeMs: 600_000 });
    const ids = ['web-1', 'web-2', 'web-3'];
    store.setServers(ids.map((id) => ({ id, weight: 1 })));
    const arrays = (s: ServerSeries) => [
      s.requests,
      s.errors,
      s.p50,
      s.p95,
      s.p99,
      s.up,
      s.weights,
    ];
    const before = [store.times, store.seqs, ...store.servers.flatMap(arrays)];
    const sizes = before.map((a) => a.byteLength);

    const samples = ids.map((id) => sample(id, 10));
    for (let seq = 1; seq <= 100_000; seq++) store.push(frame(seq, seq * 1000, samples));

    const after = [store.times, store.seqs, ...store.servers.flatMap(arrays)];
    expect(after).toHaveLength(before.length);
    after.forEach((a, i) => expect(a).toBe(before[i]));
    expect(after.map((a) => a.byteLength)).toEqual(sizes);
    expect(store.length).toBe(600);
    expect(heldSeqs(store).slice(0, 2)).toEqual([99_401, 99_402]);
  });
});

describe('a snapshot, as a worker hands a store to the page', () => {
  it('rebuilds a store that reads the same, and carries on from where it was', () => {
    const original = new SeriesStore({ capacity: 4, maxAgeMs: Infinity });
    original.setServers([{ id: 'a', weight: 2, pool: 'web' }]);
    for (let seq = 0; seq < 6; seq++) {
      original.push({
        v: 1,
        seq: seq === 5 ? 7 : seq,
        t: 1000 * seq,
        intervalMs: 1000,
        samples: [{ id: 'a', requests: seq, latencyMs: { p50: 1, p95: 2 + seq, p99: 9 } }],
      });
    }
    const copy = SeriesStore.fromSnapshot(structuredClone(original.snapshot()));
    expect(copy.length).toBe(original.length);
    expect([copy.oldestT, copy.newestT, copy.newestSeq, copy.missedFrames]).toEqual([
      original.oldestT,
      original.newestT,
      original.newestSeq,
      original.missedFrames,
    ]);
    const read = (s: SeriesStore) =>
      Array.from({ length: s.length }, (_, i) => s.server('a')!.p95[s.slot(i)]);
    expect(read(copy)).toEqual(read(original));
    expect(copy.server('a')).toMatchObject({ pool: 'web', weight: 2 });
    const next = { v: 1 as const, seq: 8, t: 9000, intervalMs: 1000, samples: [] };
    expect(copy.push(next)).toEqual(original.push(next));
    expect(read(copy)).toEqual(read(original));
  });

  it('names every buffer to transfer', () => {
    const store = new SeriesStore({ capacity: 2, maxAgeMs: Infinity });
    store.setServers([{ id: 'a', weight: 1 }]);
    expect(snapshotBuffers(store.snapshot())).toHaveLength(2 + 7);
  });
});

describe('a store resized, as a loader grows one for a recording of unknown length', () => {
  const push = (store: SeriesStore, seq: number) =>
    store.push({
      v: 1,
      seq,
      t: seq * 1000,
      intervalMs: 1000,
      samples: [{ id: 'a', requests: seq, latencyMs: null }],
    });
  const requests = (s: SeriesStore) =>
    Array.from({ length: s.length }, (_, i) => s.server('a')!.requests[s.slot(i)]);

  it('keeps every frame, in order, through a wrapped ring, and takes more', () => {
    const small = new SeriesStore({ capacity: 4, maxAgeMs: Infinity });
    for (let seq = 1; seq <= 6; seq++) push(small, seq);
    const big = small.resized(8);
    expect(requests(big)).toEqual([3, 4, 5, 6]);
    for (let seq = 7; seq <= 10; seq++) push(big, seq);
    expect(requests(big)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect([big.newestSeq, big.capacity]).toEqual([10, 8]);
  });

  it('keeps the newest when made smaller', () => {
    const store = new SeriesStore({ capacity: 6, maxAgeMs: Infinity });
    for (let seq = 1; seq <= 5; seq++) push(store, seq);
    expect(requests(store.resized(2))).toEqual([4, 5]);
  });
});

describe('a frame given as columns, as a recording’s frame lines are read', () => {
  const encoder = new TextEncoder();
  /** `f` read by the scanner, as a loader reads its line */
  const columns = (f: Frame) => {
    const bytes = encoder.encode(JSON.stringify({ type: 'frame', ...f }));
    const scanner = new FrameLineScanner();
    expect(scanner.scan(bytes, 0, bytes.length)).toBe(true);
    return scanner;
  };
  const sameStores = (a: SeriesStore, b: SeriesStore) => {
    const shape = (s: SeriesStore) => {
      const { times, seqs, servers, ...rest } = s.snapshot();
      return {
        ...rest,
        times: [...times],
        seqs: [...seqs],
        servers: servers.map((x) => ({ ...x })),
      };
    };
    expect(shape(b)).toEqual(shape(a));
  };

  it('lands as the same frame given as an object: servers reordered, left out, added, reweighted, through a wrapped ring', () => {
    const pushed = [
      frame(1, 1000, [sample('web-1', 10), sample('web-2', 0, 0, { up: false })]),
      frame(2, 2000, [sample('web-2', 5), sample('web-1', 7, 80, { errors: 2 })]),
      frame(3, 3000, [sample('web-1', 9)]),
      frame(4, 4000, [
        sample('web-3', 4, 30, { weight: 3 }),
        sample('web-1', 9, 20, { weight: 0.5 }),
      ]),
      frame(5, 5000, []),
      frame(6, 6000, [sample('web-1', 1), sample('web-2', 2), sample('web-3', 3)]),
      frame(7, 7000, [sample('web-1', 1), sample('web-2', 2), sample('web-3', 3)]),
    ];
    const asObjects = new SeriesStore({ capacity: 4, maxAgeMs: DAY });
    const asColumns = new SeriesStore({ capacity: 4, maxAgeMs: DAY });
    asObjects.setServers([{ id: 'web-2', weight: 2 }]);
    asColumns.setServers([{ id: 'web-2', weight: 2 }]);
    for (const f of pushed) {
      expect(asColumns.pushColumns(f.seq, f.t, columns(f))).toEqual(asObjects.push(f));
      sameStores(asObjects, asColumns);
    }
  });

  it('refuses a frame it cannot append, as push does', () => {
    const store = new SeriesStore({ capacity: 4, maxAgeMs: DAY });
    const f = frame(2, 2000);
    store.pushColumns(2, 2000, columns(f));
    expect(store.pushColumns(2, 3000, columns(f))).toEqual({ kind: 'duplicate' });
    expect(store.pushColumns(3, 1000, columns(f))).toEqual({ kind: 'out-of-order' });
    expect(store.length).toBe(1);
  });
});

describe('a fleet whose servers come and go', () => {
  const ids = (store: SeriesStore) => store.servers.map((s) => s.id);

  /** 'gone' sampled in frames 1..lastSampled, 'idle' in every frame with no requests. */
  it.each([
    {
      name: 'by count: still held while its last frame is',
      capacity: 5,
      maxAgeMs: DAY,
      lastSampled: 3,
      pushes: 7,
      gone: true,
    },
    {
      name: 'by count: gone once its last frame is evicted',
      capacity: 5,
      maxAgeMs: DAY,
      lastSampled: 3,
      pushes: 8,
      gone: false,
    },
    {
      name: 'by age: still held while its last frame is',
      capacity: 100,
      maxAgeMs: 4000,
      lastSampled: 3,
      pushes: 7,
      gone: true,
    },
    {
      name: 'by age: gone once its last frame is too old',
      capacity: 100,
      maxAgeMs: 4000,
      lastSampled: 3,
      pushes: 8,
      gone: false,
    },
  ])('$name', ({ capacity, maxAgeMs, lastSampled, pushes, gone }) => {
    const store = new SeriesStore({ capacity, maxAgeMs });
    let dropped = false;
    for (let seq = 1; seq <= pushes; seq++) {
      const samples = [sample('idle', 0)];
      if (seq <= lastSampled) samples.push(sample('gone', 5));
      const result = store.push(frame(seq, seq * 1000, samples));
      if (result.kind === 'appended' && result.serversDropped) dropped = true;
    }
    expect(store.server('gone') !== undefined).toBe(gone);
    expect(ids(store)).toEqual(gone ? ['idle', 'gone'] : ['idle']);
    expect(dropped).toBe(!gone);
    // an idle server still sampled is not departed
    expect(column(store, 'idle', 'requests')).toEqual(Array(store.length).fill(0));
  });

  it('a server listed by hello and never sampled goes once the frame after the hello does', () => {
    const store = new SeriesStore({ capacity: 3, maxAgeMs: DAY });
    store.push(frame(1, 1000));
    store.setServers([{ id: 'quiet', weight: 1, pool: 'web' }]);
    for (let seq = 2; seq <= 4; seq++) store.push(frame(seq, seq * 1000));
    // frames 2..4 held: frame 2, the first after the hello, still is
    expect(ids(store)).toEqual(['web-1', 'quiet']);
    store.push(frame(5, 5000));
    expect(ids(store)).toEqual(['web-1']);
  });

  it('a departed server that comes back is a new row, empty before its return', () => {
    const store = new SeriesStore({ capacity: 3, maxAgeMs: DAY });
    store.push(frame(1, 1000, [sample('web-1', 1), sample('pod-a', 4)]));
    for (let seq = 2; seq <= 4; seq++) store.push(frame(seq, seq * 1000));
    expect(ids(store)).toEqual(['web-1']);
    store.push(frame(5, 5000, [sample('web-1', 1), sample('pod-a', 9)]));
    expect(ids(store)).toEqual(['web-1', 'pod-a']);
    expect(column(store, 'pod-a', 'requests')).toEqual([NaN, NaN, 9]);
  });

  it('serverListVersion moves when a server is added or dropped, not otherwise', () => {
    const store = new SeriesStore({ capacity: 2, maxAgeMs: DAY });
    const versions: number[] = [];
    const step = (seq: number, samples: Sample[]) => {
      store.push(frame(seq, seq * 1000, samples));
      versions.push(store.serverListVersion);
    };
    step(1, [sample('a', 1), sample('b', 1)]);
    step(2, [sample('a', 1), sample('b', 1)]);
    step(3, [sample('a', 1)]);
    // b's last frame goes; c comes: as many rows, other servers
    step(4, [sample('a', 1), sample('c', 1)]);
    expect(ids(store)).toEqual(['a', 'c']);
    expect(versions[1]).toBe(versions[0]);
    expect(versions[2]).toBe(versions[1]);
    expect(versions[3]).toBeGreaterThan(versions[2]!);
  });

  /**
   * 10,000 frames; a pod starts every `every` frames and lives 50, its id never used again;
   * one server ('lb') idles through it all. The ids sampled in the frames held, worked out
   * from the frames themselves, are the store's servers after every push.
   */
  const LIFE = 50;
  const podsAt = (seq: number, every: number) => {
    const out: string[] = [];
    for (let born = Math.max(0, seq - LIFE + 1); born <= seq; born++) {
      if (born % every === 0) out.push(`pod-${born}`);
    }
    return out;
  };
  const churnFrame = (seq: number, every: number): Frame =>
    frame(seq, seq * 1000, [
      sample('lb', 0),
      ...podsAt(seq, every).map((id, i) => sample(id, 10 + i)),
    ]);

  it.each([
    { by: 'count', capacity: 120, maxAgeMs: DAY, every: 5, columns: false },
    { by: 'age', capacity: 10_000, maxAgeMs: 119_000, every: 5, columns: false },
    { by: 'count, frames as columns', capacity: 120, maxAgeMs: DAY, every: 7, columns: true },
  ])(
    'by $by: servers stay those sampled in the frames held',
    ({ capacity, maxAgeMs, every, columns }) => {
      const store = new SeriesStore({ capacity, maxAgeMs });
      const encoder = new TextEncoder();
      const scanner = new FrameLineScanner();
      let most = 0;
      for (let seq = 1; seq <= 10_000; seq++) {
        const f = churnFrame(seq, every);
        if (columns) {
          const bytes = encoder.encode(JSON.stringify({ type: 'frame', ...f }));
          expect(scanner.scan(bytes, 0, bytes.length)).toBe(true);
          store.pushColumns(f.seq, f.t, scanner);
        } else {
          store.push(f);
        }
        most = Math.max(most, store.servers.length);
        if (seq % 997 !== 0 && seq !== 10_000) continue;
        const held = heldSeqs(store);
        const sampled = new Set(
          held.flatMap((s) => churnFrame(s!, every).samples.map((x) => x.id)),
        );
        expect(new Set(ids(store)), `after frame ${seq}`).toEqual(sampled);
      }
      expect(store.length).toBe(120);
      // alive now (50 / every) plus those whose last sample is still held (120 / every), and lb
      const bound = Math.ceil(LIFE / every) + Math.ceil(120 / every) + 1;
      expect(most).toBeLessThanOrEqual(bound);
      // 10,000 / every pods were seen in all
      expect(most).toBeLessThan(10_000 / every / 10);
      // what a snapshot hands over: two arrays per frame slot, seven per server held
      expect(snapshotBuffers(store.snapshot())).toHaveLength(2 + 7 * store.servers.length);
    },
  );

  it('a store rebuilt from a snapshot drops servers as the original does', () => {
    const original = new SeriesStore({ capacity: 60, maxAgeMs: DAY });
    original.setServers([{ id: 'listed', weight: 1 }]);
    for (let seq = 1; seq <= 200; seq++) original.push(churnFrame(seq, 5));
    original.setServers([{ id: 'announced', weight: 2, pool: 'web' }]);
    const copy = SeriesStore.fromSnapshot(structuredClone(original.snapshot()));
    expect(ids(copy)).toEqual(ids(original));
    expect(ids(copy)).toContain('announced');
    expect(ids(copy)).not.toContain('listed');
    for (let seq = 201; seq <= 400; seq++) {
      const f = churnFrame(seq, 5);
      expect(copy.push(f), `frame ${seq}`).toEqual(original.push(f));
      expect(ids(copy), `frame ${seq}`).toEqual(ids(original));
    }
    expect(ids(copy)).not.toContain('announced');
  });

  it('a store resized smaller keeps only the servers sampled in the frames it keeps', () => {
    const store = new SeriesStore({ capacity: 10, maxAgeMs: DAY });
    store.push(frame(1, 1000, [sample('web-1', 1), sample('early', 3)]));
    for (let seq = 2; seq <= 6; seq++) store.push(frame(seq, seq * 1000));
    store.setServers([{ id: 'announced', weight: 1 }]);
    expect(ids(store)).toEqual(['web-1', 'early', 'announced']);
    const cut = store.resized(3);
    expect(ids(cut)).toEqual(['web-1', 'announced']);
    const grown = store.resized(20);
    expect(ids(grown)).toEqual(['web-1', 'early', 'announced']);
    expect(column(grown, 'early', 'requests')).toEqual([3, NaN, NaN, NaN, NaN, NaN]);
  });
});
