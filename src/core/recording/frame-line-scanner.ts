/**
 * Reads a recording's frame line straight from its UTF-8 bytes into typed columns, with every
 * check the frame validator makes, and no string or object per sample: a two-hour recording
 * holds hundreds of thousands of samples, and decoding, parsing and checking an object for
 * each was most of a load's time.
 *
 * It reads the compact JSON that JSON.stringify writes (what a gateway records) and nothing
 * else. On anything it does not expect (a space, an escape, an exponent, a minus sign, a key it
 * does not know or sees twice, a value the protocol refuses) it returns false and says nothing:
 * the caller then reads the line the general way, which accepts it or names what is wrong. So
 * a line it accepts is one that JSON.parse and the frame validator accept, with the same values.
 */

import type { FrameColumns } from '../series/series-store';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;

/** 10^k, exact as doubles for k <= 22 */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** more significant digits than this may not be exact in the fast conversion */
const MAX_DIGITS = 15;

/** The first bytes of a frame line as a gateway writes it. */
export const FRAME_LINE_START = new TextEncoder().encode('{"type":"frame",');

// the keys of a frame, a sample and a latency, one bit each (seen twice = not ours to read)
const Key = {
  Type: 1,
  V: 2,
  Seq: 4,
  T: 8,
  IntervalMs: 16,
  Samples: 32,
  Id: 64,
  Requests: 128,
  Errors: 256,
  LatencyMs: 512,
  Up: 1024,
  Weight: 2048,
  P50: 4096,
  P95: 8192,
  P99: 16384,
} as const;
type Key = (typeof Key)[keyof typeof Key];
const FRAME_REQUIRED = Key.Type | Key.V | Key.Seq | Key.T | Key.IntervalMs | Key.Samples;
const SAMPLE_REQUIRED = Key.Id | Key.Requests | Key.LatencyMs;
const LATENCY_REQUIRED = Key.P50 | Key.P95 | Key.P99;

export class FrameLineScanner implements FrameColumns {
  // the last frame read; sample columns hold `count` entries
  seq = 0;
  t = 0;
  intervalMs = 0;
  count = 0;
  requests = new Float64Array(64);
  /** NaN where the sample has no `errors` */
  errors = new Float64Array(64);
  /** NaN where `latencyMs` is null */
  p50 = new Float64Array(64);
  p95 = new Float64Array(64);
  p99 = new Float64Array(64);
  /** 1 up, 0 down, -1 absent */
  up = new Int8Array(64);
  /** NaN where the sample has no `weight` */
  weight = new Float64Array(64);
  private idFrom = new Int32Array(64);
  private idTo = new Int32Array(64);
  private idHash = new Int32Array(64);

  private readonly frameKeys = keysOf({
    type: Key.Type,
    v: Key.V,
    seq: Key.Seq,
    t: Key.T,
    intervalMs: Key.IntervalMs,
    samples: Key.Samples,
  });
  private readonly sampleKeys = keysOf({
    id: Key.Id,
    requests: Key.Requests,
    errors: Key.Errors,
    latencyMs: Key.LatencyMs,
    up: Key.Up,
    weight: Key.Weight,
  });
  private readonly latencyKeys = keysOf({ p50: Key.P50, p95: Key.P95, p99: Key.P99 });
  // the last line's bytes: ids are read from them when asked for
  private bytes: Uint8Array = new Uint8Array(0);
  private at = 0;
  // ids seen in the current frame, open addressing: the sample index + 1, valid in this round
  private seen = new Int32Array(128);
  private seenRound = new Int32Array(128);
  private round = 0;

  /** Reads bytes[from, to) as one frame line; false when it is not one this scanner reads. */
  scan(bytes: Uint8Array, from: number, to: number): boolean {
    this.bytes = bytes;
    this.at = from;
    this.count = 0;
    this.nextRound();
    return this.frame() && this.at === to;
  }

  /** The id of sample `i` of the last frame read. */
  id(i: number): string {
    return ID_DECODER.decode(this.bytes.subarray(this.idFrom[i], this.idTo[i]));
  }

  /** Whether sample `i` of the last frame read has the id whose UTF-8 bytes are `id`. */
  idIs(i: number, id: Uint8Array): boolean {
    const from = this.idFrom[i]!;
    if (this.idTo[i]! - from !== id.length) return false;
    const b = this.bytes;
    for (let k = 0; k < id.length; k++) if (b[from + k] !== id[k]) return false;
    return true;
  }

  private frame(): boolean {
    const b = this.bytes;
    if (b[this.at] !== OPEN_BRACE) return false;
    this.at++;
    let keys = 0;
    for (;;) {
      const key = this.key(this.frameKeys);
      if (key === 0 || keys & key) return false;
      keys |= key;
      if (key === Key.Type) {
        if (!this.literal(FRAME_STRING)) return false;
      } else if (key === Key.Samples) {
        if (!this.samples()) return false;
      } else {
        const value = this.number();
        if (key === Key.V) {
          if (value !== 1) return false;
        } else if (key === Key.Seq) {
          if (!Number.isInteger(value)) return false;
          this.seq = value;
        } else if (key === Key.T) {
          if (!(value >= 0)) return false;
          this.t = value;
        } else {
          if (!(value >= 1)) return false;
          this.intervalMs = value;
        }
      }
      const next = b[this.at++];
      if (next === CLOSE_BRACE) return keys === FRAME_REQUIRED;
      if (next !== COMMA) return false;
    }
  }

  private samples(): boolean {
    const b = this.bytes;
    if (b[this.at] !== OPEN_BRACKET) return false;
    this.at++;
    if (b[this.at] === CLOSE_BRACKET) {
      this.at++;
      return true;
    }
    for (;;) {
      if (!this.sample(this.count)) return false;
      this.count++;
      const next = b[this.at++];
      if (next === CLOSE_BRACKET) return true;
      if (next !== COMMA) return false;
    }
  }

  private sample(i: number): boolean {
    const b = this.bytes;
    if (b[this.at] !== OPEN_BRACE) return false;
    this.at++;
    if (i === this.requests.length) this.grow();
    let keys = 0;
    this.errors[i] = NaN;
    this.p50[i] = NaN;
    this.p95[i] = NaN;
    this.p99[i] = NaN;
    this.up[i] = -1;
    this.weight[i] = NaN;
    for (;;) {
      const key = this.key(this.sampleKeys);
      if (key === 0 || keys & key) return false;
      keys |= key;
      if (key === Key.Id) {
        if (!this.id_(i)) return false;
      } else if (key === Key.LatencyMs) {
        if (!this.latency(i)) return false;
      } else if (key === Key.Up) {
        if (this.literal(TRUE)) this.up[i] = 1;
        else if (this.literal(FALSE)) this.up[i] = 0;
        else return false;
      } else {
        const value = this.number();
        if (key === Key.Requests) {
          if (!Number.isInteger(value)) return false;
          this.requests[i] = value;
        } else if (key === Key.Errors) {
          if (!Number.isInteger(value)) return false;
          this.errors[i] = value;
        } else {
          if (!(value >= 0)) return false;
          this.weight[i] = value;
        }
      }
      const next = b[this.at++];
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) return false;
    }
    if ((keys & SAMPLE_REQUIRED) !== SAMPLE_REQUIRED) return false;
    const requests = this.requests[i]!;
    if (this.errors[i]! > requests) return false;
    // requests 0 needs a null latency; p50 is NaN exactly when latency was null
    if (requests === 0 && this.p50[i] === this.p50[i]) return false;
    return true;
  }

  /** `latencyMs`: null, or p50 <= p95 <= p99, each >= 0. */
  private latency(i: number): boolean {
    if (this.literal(NULL)) return true;
    const b = this.bytes;
    if (b[this.at] !== OPEN_BRACE) return false;
    this.at++;
    let keys = 0;
    for (;;) {
      const key = this.key(this.latencyKeys);
      if (key === 0 || keys & key) return false;
      keys |= key;
      const value = this.number();
      if (!(value >= 0)) return false;
      if (key === Key.P50) this.p50[i] = value;
      else if (key === Key.P95) this.p95[i] = value;
      else this.p99[i] = value;
      const next = b[this.at++];
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) return false;
    }
    return (
      keys === LATENCY_REQUIRED && this.p50[i]! <= this.p95[i]! && this.p95[i]! <= this.p99[i]!
    );
  }

  /** The id string: plain ASCII, no escape, not seen before in this frame. */
  private id_(i: number): boolean {
    const b = this.bytes;
    if (b[this.at] !== QUOTE) return false;
    const from = ++this.at;
    // FNV-1a, to find a repeated id in one pass
    let hash = 0x811c9dc5;
    for (;;) {
      const c = b[this.at]!;
      if (c === QUOTE) break;
      if (c < 0x20 || c === BACKSLASH || c > 0x7e || this.at === b.length) return false;
      hash = Math.imul(hash ^ c, 0x01000193);
      this.at++;
    }
    this.idFrom[i] = from;
    this.idTo[i] = this.at;
    this.idHash[i] = hash;
    this.at++;
    return this.firstSighting(i, hash);
  }

  private nextRound(): void {
    // rounds are stored in an Int32Array: start again long before they would wrap
    if (++this.round === 2 ** 30) {
      this.seenRound.fill(0);
      this.round = 1;
    }
  }

  private firstSighting(i: number, hash: number): boolean {
    if (this.seen.length < 2 * (i + 1)) {
      this.seen = new Int32Array(this.seen.length * 2);
      this.seenRound = new Int32Array(this.seen.length);
      // the table was lost: put back the ids read so far in this frame
      this.nextRound();
      for (let k = 0; k < i; k++) this.firstSighting(k, this.idHash[k]!);
    }
    const mask = this.seen.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (this.seenRound[slot] !== this.round) {
        this.seenRound[slot] = this.round;
        this.seen[slot] = i + 1;
        return true;
      }
      const other = this.seen[slot]! - 1;
      if (this.idHash[other] === hash && this.sameId(other, i)) return false;
    }
  }

  private sameId(a: number, b: number): boolean {
    const length = this.idTo[a]! - this.idFrom[a]!;
    if (this.idTo[b]! - this.idFrom[b]! !== length) return false;
    for (let k = 0; k < length; k++) {
      if (this.bytes[this.idFrom[a]! + k] !== this.bytes[this.idFrom[b]! + k]) return false;
    }
    return true;
  }

  /** A key among `keys` and its colon; 0 for any other. */
  private key(keys: KeySet): Key | 0 {
    const b = this.bytes;
    if (b[this.at] !== QUOTE) return 0;
    const from = this.at + 1;
    let end = from;
    while (b[end] !== QUOTE) {
      if (end >= b.length || b[end] === BACKSLASH) return 0;
      end++;
    }
    if (b[end + 1] !== COLON) return 0;
    this.at = end + 2;
    const length = end - from;
    // keys come in the same order line after line: try the one after the last found first
    const { names, codes } = keys;
    for (let tried = 0, k = keys.next; tried < names.length; tried++, k = (k + 1) % names.length) {
      const name = names[k]!;
      if (name.length !== length) continue;
      let same = true;
      for (let j = 0; j < length; j++) {
        if (b[from + j] !== name[j]) {
          same = false;
          break;
        }
      }
      if (same) {
        keys.next = (k + 1) % names.length;
        return codes[k]!;
      }
    }
    return 0;
  }

  /** A number with no sign, exponent or more than 15 digits; NaN for anything else. */
  private number(): number {
    const b = this.bytes;
    let c = b[this.at]!;
    if (!(c >= ZERO && c <= NINE)) return NaN;
    let mantissa = 0;
    let digits = 0;
    if (c === ZERO) c = b[++this.at]!;
    else {
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        c = b[++this.at]!;
      }
    }
    let fraction = 0;
    if (c === DOT) {
      c = b[++this.at]!;
      if (c < ZERO || c > NINE) return NaN;
      while (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        fraction++;
        c = b[++this.at]!;
      }
    }
    // an exponent, or too many digits to be sure of the last bit: the general reader's
    if (c === 0x65 || c === 0x45 || digits > MAX_DIGITS) return NaN;
    // both exact, and one division rounds correctly: the double JSON.parse gives
    return fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction]!;
  }

  /** Exactly these bytes next (true, false, null, "frame"). */
  private literal(bytes: Uint8Array): boolean {
    const b = this.bytes;
    for (let k = 0; k < bytes.length; k++) if (b[this.at + k] !== bytes[k]) return false;
    this.at += bytes.length;
    return true;
  }

  private grow(): void {
    const n = this.requests.length * 2;
    const wider = <A extends Float64Array | Int32Array | Int8Array>(a: A, into: A): A => {
      into.set(a);
      return into;
    };
    this.requests = wider(this.requests, new Float64Array(n));
    this.errors = wider(this.errors, new Float64Array(n));
    this.p50 = wider(this.p50, new Float64Array(n));
    this.p95 = wider(this.p95, new Float64Array(n));
    this.p99 = wider(this.p99, new Float64Array(n));
    this.up = wider(this.up, new Int8Array(n));
    this.weight = wider(this.weight, new Float64Array(n));
    this.idFrom = wider(this.idFrom, new Int32Array(n));
    this.idTo = wider(this.idTo, new Int32Array(n));
    this.idHash = wider(this.idHash, new Int32Array(n));
  }
}

/** The keys one kind of object may have, in the order a gateway writes them. */
interface KeySet {
  names: Uint8Array[];
  codes: Key[];
  /** where to start looking for the next key */
  next: number;
}
const ID_DECODER = new TextDecoder();
const ascii = (text: string) => new TextEncoder().encode(text);
const keysOf = (keys: Record<string, Key>): KeySet => ({
  names: Object.keys(keys).map(ascii),
  codes: Object.values(keys),
  next: 0,
});
const FRAME_STRING = ascii('"frame"');
const TRUE = ascii('true');
const FALSE = ascii('false');
const NULL = ascii('null');
