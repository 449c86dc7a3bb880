/**
 * The write rate of each client of the HTTP API, by address, as the socket holds each
 * connection to its own: a script that floods `POST /api/annotations` is refused. The table of
 * addresses is bounded; past its size the least recently seen is forgotten.
 */
import { DEFAULT_WRITE_RATE, type WriteRate } from '../hub';
import { TokenBucket } from '../security/token-bucket';

const MAX_WRITERS = 10_000;

export class WriterRates {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly rate: WriteRate = DEFAULT_WRITE_RATE,
    private readonly maxWriters = MAX_WRITERS,
  ) {}

  /** Takes one write for `writer`; the seconds to wait when refused, else 0. */
  take(writer: string): number {
    let bucket = this.buckets.get(writer);
    if (bucket) this.buckets.delete(writer);
    else bucket = new TokenBucket(this.rate.burst, this.rate.perSecond);
    // re-inserted: the map's order is the order last seen
    this.buckets.set(writer, bucket);
    if (this.buckets.size > this.maxWriters) {
      this.buckets.delete(this.buckets.keys().next().value!);
    }
    return bucket.take() ? 0 : Math.max(1, Math.ceil(bucket.waitSeconds));
  }
}
