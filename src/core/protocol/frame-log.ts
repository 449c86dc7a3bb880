/**
 * The gateway's buffer of numbered frames, for clients that reconnect and ask for what they
 * missed (CONTRACT: Resume). Bounded by count and by age.
 */
import type { Frame } from './protocol';
import { advanceRingStart, ringSlot } from '../series/ring';

export class FrameLog {
  private readonly ring: (Frame | undefined)[];
  private start = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    readonly maxAgeMs: number,
  ) {
    this.ring = new Array<Frame | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** seq of the oldest frame still held, or undefined when empty */
  get oldestSeq(): number | undefined {
    return this.count === 0 ? undefined : this.ring[this.start]!.seq;
  }

  get newest(): Frame | undefined {
    return this.count === 0
      ? undefined
      : this.ring[ringSlot(this.start, this.count - 1, this.capacity)];
  }

  append(frame: Frame): void {
    const newest = this.newest;
    if (newest && frame.seq !== newest.seq + 1) {
      throw new Error(`frame seq ${frame.seq} does not follow ${newest.seq}`);
    }
    if (this.count === this.capacity) {
      this.ring[this.start] = undefined;
      this.start = advanceRingStart(this.start, 1, this.capacity);
      this.count--;
    }
    this.ring[ringSlot(this.start, this.count, this.capacity)] = frame;
    this.count++;
    const oldestKept = frame.t - this.maxAgeMs;
    while (this.count > 1 && this.ring[this.start]!.t < oldestKept) {
      this.ring[this.start] = undefined;
      this.start = advanceRingStart(this.start, 1, this.capacity);
      this.count--;
    }
  }

  /** Forgets every frame: the next one appended may have any seq. */
  clear(): void {
    this.ring.fill(undefined);
    this.start = 0;
    this.count = 0;
  }

  /** Every held frame with seq > `seq`, oldest first. */
  after(seq: number): Frame[] {
    const out: Frame[] = [];
    const oldest = this.oldestSeq;
    if (oldest === undefined) return out;
    // seqs are contiguous, so the first wanted frame's position is known without a search
    const skip = Math.max(0, Math.floor(seq) + 1 - oldest);
    for (let i = skip; i < this.count; i++)
      out.push(this.ring[ringSlot(this.start, i, this.capacity)]!);
    return out;
  }

  /** Every held frame with from <= t <= to, oldest first. */
  between(from: number, to: number): Frame[] {
    return this.after(-1).filter((f) => f.t >= from && f.t <= to);
  }
}
