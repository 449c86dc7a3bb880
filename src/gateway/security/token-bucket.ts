/**
 * A token bucket: `burst` writes at once, then `perSecond` on average. One per connection
 * bounds how fast any one client can write, however it is written.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly burst: number,
    readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token; false when there is none (the write is refused). */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Seconds until the next token, for the refusal's message. */
  get waitSeconds(): number {
    return Math.max(0, (1 - this.tokens) / this.perSecond);
  }
}
