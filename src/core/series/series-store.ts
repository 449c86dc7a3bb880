/**
 * The per-server time series behind the heatmap and the bars: one ring of frame slots shared by
 * every server, each server's figures in typed arrays indexed by slot. Bounded by slot count
 * and by age, and a server goes once its last sample has left the window (a fleet whose pods
 * come and go), so a tab open for weeks holds memory for the servers alive in the window only.
 */
import type { Frame, ServerInfo } from '../protocol/protocol';
import { advanceRingStart, ringRuns, ringSlot } from './ring';

/** One server's columns; a slot with no sample holds NaN figures and counts as up. */
export interface ServerSeries {
  readonly id: string;
  label?: string;
  pool?: string;
  /** weight from `hello`, overridden by a sample's weight */
  weight: number;
  readonly requests: Float32Array;
  readonly errors: Float32Array;
  readonly p50: Float32Array;
  readonly p95: Float32Array;
  readonly p99: Float32Array;
  /** 1 up, 0 down, for each slot; NaN-free: a missing sample counts as up */
  readonly up: Uint8Array;
  readonly weights: Float32Array;
}

/** What a push changed, so a view knows whether to append a column or repaint. */
export type PushResult =
  | { kind: 'appended'; evicted: number; serversAdded: boolean; serversDropped: boolean }
  | { kind: 'duplicate' }
  | { kind: 'out-of-order' };

/**
 * One frame's samples as columns, index i = the i-th sample: how a recording's frame lines are
 * read without an object per sample (FrameLineScanner). NaN marks an absent `errors` or
 * `weight` and a null latency; `up` is -1 when absent.
 */
export interface FrameColumns {
  readonly count: number;
  readonly requests: Float64Array;
  readonly errors: Float64Array;
  readonly p50: Float64Array;
  readonly p95: Float64Array;
  readonly p99: Float64Array;
  readonly up: Int8Array;
  readonly weight: Float64Array;
  id(i: number): string;
  /** whether sample i's id is the one whose UTF-8 bytes are `id` (cheaper than id(i)) */
  idIs(i: number, id: Uint8Array): boolean;
}

/** A store's contents as plain data and typed arrays (structured-clonable). */
export interface SeriesSnapshot {
  capacity: number;
  maxAgeMs: number;
  times: Float64Array;
  seqs: Float64Array;
  servers: ServerSeries[];
  start: number;
  count: number;
  lastSeq: number;
  missed: number;
}

/** The buffers of a snapshot, to transfer rather than copy. */
export function snapshotBuffers(snapshot: SeriesSnapshot): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [snapshot.times, snapshot.seqs];
  for (const s of snapshot.servers) {
    arrays.push(s.requests, s.errors, s.p50, s.p95, s.p99, s.up, s.weights);
  }
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

export interface SeriesStoreOptions {
  /** most frames kept */
  capacity: number;
  /** frames older than the newest t minus this are dropped */
  maxAgeMs: number;
}

const ID_ENCODER = new TextEncoder();

export class SeriesStore {
  readonly capacity: number;
  readonly maxAgeMs: number;
  readonly times: Float64Array;
  readonly seqs: Float64Array;
  /** servers in display order (first seen first) */
  readonly servers: ServerSeries[] = [];
  /** index in `servers` of each id */
  private readonly indexOf = new Map<string, number>();
  /** per server, the push that last wrote its slot (see push) */
  private stamps: number[] = [];
  /**
   * per server, the push of its last sample; one listed by setServers counts as sampled by the
   * next push, so it has the whole window to show up. The frames held are always the last
   * `count` pushes, so a server whose number is below the oldest one held has departed.
   */
  private seen: number[] = [];
  private pushes = 0;
  private listVersion = 0;
  /** each server's id as UTF-8, to match a frame's columns without decoding */
  private idBytes: Uint8Array[] = [];
  /** per sample position, the server index it had in the last frame given as columns */
  private readonly indexAtPosition: number[] = [];
  private start = 0;
  private count = 0;
  private lastSeq = -1;
  private missed = 0;
  private clears = 0;

  constructor(opts: SeriesStoreOptions) {
    this.capacity = opts.capacity;
    this.maxAgeMs = opts.maxAgeMs;
    this.times = new Float64Array(this.capacity);
    this.seqs = new Float64Array(this.capacity);
  }

  get length(): number {
    return this.count;
  }

  /** seq of the newest frame held, or -1 */
  get newestSeq(): number {
    return this.lastSeq;
  }

  /** frames skipped in the seq numbering since the start: data the page never got */
  get missedFrames(): number {
    return this.missed;
  }

  get newestT(): number {
    return this.count === 0 ? NaN : this.times[this.slot(this.count - 1)]!;
  }

  get oldestT(): number {
    return this.count === 0 ? NaN : this.times[this.start]!;
  }

  /** Ring slot of the i-th frame held, 0 = oldest. */
  slot(i: number): number {
    return ringSlot(this.start, i, this.capacity);
  }

  /** How many held frames have t <= `t` (frames are in time order, so a binary search). */
  countAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[this.slot(mid)]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Moves whenever the store forgets its frames: a frame cached by seq may be another then. */
  get framesEpoch(): number {
    return this.clears;
  }

  /** Moves whenever a server is added or dropped: rows cached by index are stale then. */
  get serverListVersion(): number {
    return this.listVersion;
  }

  server(id: string): ServerSeries | undefined {
    const index = this.indexOf.get(id);
    return index === undefined ? undefined : this.servers[index];
  }

  /**
   * Adds or updates servers from `hello`; returns whether the list grew. A server listed
   * counts as sampled by the next frame: if no sample follows, it goes when that frame does.
   */
  setServers(infos: readonly ServerInfo[]): boolean {
    let added = false;
    for (const info of infos) {
      let index = this.indexOf.get(info.id);
      if (index !== undefined) {
        const existing = this.servers[index]!;
        existing.weight = info.weight;
        existing.label = info.label;
        existing.pool = info.pool;
      } else {
        index = this.addServer(info.id, info.weight, info.label, info.pool);
        added = true;
      }
      this.seen[index] = this.pushes + 1;
    }
    return added;
  }

  /**
   * Forgets every frame (a new gateway numbers its frames afresh); servers stay until frames
   * of the new numbering push them out, unless a sample or hello names them again.
   */
  clearFrames(): void {
    this.clears++;
    this.start = 0;
    this.count = 0;
    this.lastSeq = -1;
  }

  push(frame: Frame): PushResult {
    return this.append(frame.seq, frame.t, (slot, stamp) => {
      let serversAdded = false;
      for (const sample of frame.samples) {
        let index = this.indexOf.get(sample.id);
        if (index === undefined) {
          index = this.addServer(sample.id, sample.weight ?? 1);
          serversAdded = true;
        }
        const s = this.servers[index]!;
        this.stamps[index] = stamp;
        this.seen[index] = stamp;
        if (sample.weight !== undefined) s.weight = sample.weight;
        s.requests[slot] = sample.requests;
        s.errors[slot] = sample.errors ?? 0;
        s.p50[slot] = sample.latencyMs?.p50 ?? NaN;
        s.p95[slot] = sample.latencyMs?.p95 ?? NaN;
        s.p99[slot] = sample.latencyMs?.p99 ?? NaN;
        s.up[slot] = sample.up === false ? 0 : 1;
        s.weights[slot] = s.weight;
      }
      return serversAdded;
    });
  }

  /**
   * Adds a frame given as columns, as push(frame) would add it as an object. The samples' ids
   * must differ, as the protocol has them.
   */
  pushColumns(seq: number, t: number, frame: FrameColumns): PushResult {
    return this.append(seq, t, (slot, stamp) => {
      let serversAdded = false;
      for (let i = 0; i < frame.count; i++) {
        // servers come in the same order frame after frame: try where sample i was last time
        let index = this.indexAtPosition[i] ?? -1;
        if (index < 0 || !frame.idIs(i, this.idBytes[index]!)) {
          const id = frame.id(i);
          index = this.indexOf.get(id) ?? -1;
          if (index < 0) {
            const weight = frame.weight[i]!;
            index = this.addServer(id, weight === weight ? weight : 1);
            serversAdded = true;
          }
          this.indexAtPosition[i] = index;
        }
        const s = this.servers[index]!;
        this.stamps[index] = stamp;
        this.seen[index] = stamp;
        const weight = frame.weight[i]!;
        if (weight === weight) s.weight = weight;
        const errors = frame.errors[i]!;
        s.requests[slot] = frame.requests[i]!;
        s.errors[slot] = errors === errors ? errors : 0;
        s.p50[slot] = frame.p50[i]!;
        s.p95[slot] = frame.p95[i]!;
        s.p99[slot] = frame.p99[i]!;
        s.up[slot] = frame.up[i] === 0 ? 0 : 1;
        s.weights[slot] = s.weight;
      }
      return serversAdded;
    });
  }

  /**
   * Takes a new frame's slot, has `writeSamples` fill it (stamping each server it writes;
   * it says whether servers were added), then gives the servers the frame left out empty
   * figures, so a full frame, the usual one, writes each slot once; frames too old go, and
   * with them the servers none of the frames left held a sample of.
   */
  private append(
    seq: number,
    t: number,
    writeSamples: (slot: number, stamp: number) => boolean,
  ): PushResult {
    if (seq <= this.lastSeq) return { kind: 'duplicate' };
    if (this.count > 0 && t < this.newestT) return { kind: 'out-of-order' };
    if (this.lastSeq >= 0) this.missed += seq - this.lastSeq - 1;
    this.lastSeq = seq;

    let evicted = 0;
    if (this.count === this.capacity) {
      this.start = advanceRingStart(this.start, 1, this.capacity);
      this.count--;
      evicted++;
    }
    const slot = this.slot(this.count);
    this.count++;
    this.times[slot] = t;
    this.seqs[slot] = seq;

    const stamp = ++this.pushes;
    const serversAdded = writeSamples(slot, stamp);
    for (let index = 0; index < this.servers.length; index++) {
      if (this.stamps[index] === stamp) continue;
      const s = this.servers[index]!;
      s.requests[slot] = NaN;
      s.errors[slot] = NaN;
      s.p50[slot] = NaN;
      s.p95[slot] = NaN;
      s.p99[slot] = NaN;
      s.up[slot] = 1;
      s.weights[slot] = s.weight;
    }

    const oldestKept = t - this.maxAgeMs;
    while (this.count > 1 && this.times[this.start]! < oldestKept) {
      this.start = advanceRingStart(this.start, 1, this.capacity);
      this.count--;
      evicted++;
    }
    // a server can only depart when a frame goes
    const serversDropped = evicted > 0 && this.dropDeparted();
    return { kind: 'appended', evicted, serversAdded, serversDropped };
  }

  /** Drops the servers with no sample in the frames held; returns whether any went. */
  private dropDeparted(): boolean {
    const oldestHeld = this.pushes - this.count + 1;
    const n = this.servers.length;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const s = this.servers[i]!;
      if (this.seen[i]! < oldestHeld) {
        this.indexOf.delete(s.id);
        continue;
      }
      if (kept !== i) {
        this.servers[kept] = s;
        this.stamps[kept] = this.stamps[i]!;
        this.seen[kept] = this.seen[i]!;
        this.idBytes[kept] = this.idBytes[i]!;
        this.indexOf.set(s.id, kept);
      }
      kept++;
    }
    if (kept === n) return false;
    this.servers.length = kept;
    this.stamps.length = kept;
    this.seen.length = kept;
    this.idBytes.length = kept;
    // the positions remembered point at old indexes
    this.indexAtPosition.length = 0;
    this.listVersion++;
    return true;
  }

  /**
   * Everything the store holds, sharing its arrays: a loader in a worker hands a whole
   * recording to the page by transferring these buffers instead of copying frames.
   */
  snapshot(): SeriesSnapshot {
    return {
      capacity: this.capacity,
      maxAgeMs: this.maxAgeMs,
      times: this.times,
      seqs: this.seqs,
      servers: this.servers.map((s) => ({ ...s })),
      start: this.start,
      count: this.count,
      lastSeq: this.lastSeq,
      missed: this.missed,
    };
  }

  /**
   * A store over a snapshot's arrays (not copied). Each server's last sample is read back from
   * its columns; one with none held (listed by a hello, not sampled since) counts as listed
   * now: it has until the next push leaves the window.
   */
  static fromSnapshot(snapshot: SeriesSnapshot): SeriesStore {
    const store = new SeriesStore({ capacity: 0, maxAgeMs: snapshot.maxAgeMs });
    Object.assign(store, {
      capacity: snapshot.capacity,
      times: snapshot.times,
      seqs: snapshot.seqs,
      start: snapshot.start,
      count: snapshot.count,
      lastSeq: snapshot.lastSeq,
      missed: snapshot.missed,
      // the held frames as pushes 1..count
      pushes: snapshot.count,
    });
    for (const s of snapshot.servers) {
      store.servers.push(s);
      store.idBytes.push(ID_ENCODER.encode(s.id));
      store.indexOf.set(s.id, store.servers.length - 1);
      let k = snapshot.count - 1;
      while (k >= 0 && Number.isNaN(s.requests[store.slot(k)]!)) k--;
      store.seen.push(k >= 0 ? k + 1 : snapshot.count + 1);
    }
    return store;
  }

  /**
   * A copy with room for `capacity` frames, holding the same frames (the newest, if fewer
   * fit) and the servers sampled in them: a loader that does not know how many frames are
   * coming grows its store.
   */
  resized(capacity: number): SeriesStore {
    const keep = Math.min(this.count, capacity);
    const from = this.count - keep;
    const runs = ringRuns(this.start, from, this.count, this.capacity);
    const copy = <A extends Float64Array | Float32Array | Uint8Array>(src: A, into: A): A => {
      for (const { at, length, offset } of runs) into.set(src.subarray(at, at + length), offset);
      return into;
    };
    const store = SeriesStore.fromSnapshot({
      capacity,
      maxAgeMs: this.maxAgeMs,
      times: copy(this.times, new Float64Array(capacity)),
      seqs: copy(this.seqs, new Float64Array(capacity)),
      // those last sampled in a frame cut off have departed
      servers: this.servers
        .filter((_, i) => this.seen[i]! > this.pushes - keep)
        .map((s) => ({
          ...s,
          requests: copy(s.requests, new Float32Array(capacity).fill(NaN)),
          errors: copy(s.errors, new Float32Array(capacity).fill(NaN)),
          p50: copy(s.p50, new Float32Array(capacity).fill(NaN)),
          p95: copy(s.p95, new Float32Array(capacity).fill(NaN)),
          p99: copy(s.p99, new Float32Array(capacity).fill(NaN)),
          up: copy(s.up, new Uint8Array(capacity).fill(1)),
          weights: copy(s.weights, new Float32Array(capacity).fill(s.weight)),
        })),
      start: 0,
      count: keep,
      lastSeq: this.lastSeq,
      missed: this.missed,
    });
    return store;
  }

  /** Adds a server with empty columns; returns its index. */
  private addServer(id: string, weight: number, label?: string, pool?: string): number {
    const n = this.capacity;
    const series: ServerSeries = {
      id,
      label,
      pool,
      weight,
      requests: new Float32Array(n).fill(NaN),
      errors: new Float32Array(n).fill(NaN),
      p50: new Float32Array(n).fill(NaN),
      p95: new Float32Array(n).fill(NaN),
      p99: new Float32Array(n).fill(NaN),
      up: new Uint8Array(n).fill(1),
      weights: new Float32Array(n).fill(weight),
    };
    this.servers.push(series);
    this.idBytes.push(ID_ENCODER.encode(id));
    this.indexOf.set(id, this.servers.length - 1);
    // a sample is written after, and setServers sets the grace; either way it is seen now
    this.seen.push(this.pushes);
    this.listVersion++;
    return this.servers.length - 1;
  }
}
