/**
 * The lease that names the one gateway running the source, the detector, the alert delivery
 * and the recorder: `SET key id NX PX ttl` to take it, a check-and-PEXPIRE to renew it, so a
 * gateway never renews one another has taken. When its holder dies the key expires and
 * another takes it.
 */
import type { RedisLink } from './redis-link';

// renews only the holder's own lease: a gateway that stalled past the ttl finds it gone
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

// releases only the holder's own lease, on a clean shutdown, so the next takes it at once
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export class Lease {
  constructor(
    private readonly redis: RedisLink,
    private readonly key: string,
    /** this gateway's id, as the lease holds it */
    readonly holder: string,
    readonly ttlMs: number,
  ) {}

  /** Takes the lease if nobody holds it; true when this gateway now holds it. */
  async take(): Promise<boolean> {
    const reply = await this.redis.command([
      'SET',
      this.key,
      this.holder,
      'NX',
      'PX',
      String(this.ttlMs),
    ]);
    return reply === 'OK';
  }

  /** Extends the lease; false when this gateway no longer holds it. */
  async renew(): Promise<boolean> {
    const reply = await this.redis.command([
      'EVAL',
      RENEW,
      '1',
      this.key,
      this.holder,
      String(this.ttlMs),
    ]);
    return reply === 1;
  }

  async release(): Promise<void> {
    await this.redis.command(['EVAL', RELEASE, '1', this.key, this.holder]);
  }
}
