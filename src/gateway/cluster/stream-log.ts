/**
 * The cluster's stream: every payload a gateway publishes is one entry (`event`, `json`), added
 * with `XADD ... MAXLEN ~` so Redis keeps about the resume buffer; every gateway reads it in
 * order with `XREAD BLOCK` and serves its viewers from it, so there is one order and one
 * numbering for the whole cluster.
 */
import type { GatewayEventName } from '../../core/protocol/protocol';
import type { ClusterKeys } from './keys';
import type { RedisLink } from './redis-link';

/**
 * Adds one entry, and keeps the newest hello, the annotations and the alerts firing beside the
 * stream for gateways that join later. With a fence (the holder's id) the entry is added only
 * while that gateway holds the lease: a holder that lost it can never write after its successor.
 */
const PUBLISH = `if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return false
end
local event = ARGV[3]
if event == 'annotation' then
  redis.call('HSET', KEYS[3], ARGV[5], ARGV[4])
elseif event == 'annotation:remove' then
  redis.call('HDEL', KEYS[3], ARGV[5])
elseif event == 'alert' then
  if ARGV[6] == 'firing' then
    redis.call('HSET', KEYS[4], ARGV[5], ARGV[4])
  else
    redis.call('HDEL', KEYS[4], ARGV[5])
  end
elseif event == 'hello' then
  redis.call('SET', KEYS[5], ARGV[4])
end
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'event', event, 'json', ARGV[4])`;

/** What the source makes is numbered and belongs to the holder alone; notes come from anyone. */
const FENCED: ReadonlySet<GatewayEventName> = new Set(['hello', 'frame', 'alert', 'source-status']);

export interface StreamEntry {
  id: string;
  event: string;
  json: string;
}

/** Adds a payload to the stream; resolves false when the fence refused it (the lease is gone). */
export async function publishEntry(
  redis: RedisLink,
  keys: ClusterKeys,
  maxLength: number,
  holder: string,
  event: GatewayEventName,
  payload: object,
): Promise<boolean> {
  const { id, state } = payload as { id?: unknown; state?: unknown };
  const reply = await redis.command([
    'EVAL',
    PUBLISH,
    '5',
    keys.lease,
    keys.stream,
    keys.annotations,
    keys.alerts,
    keys.hello,
    FENCED.has(event) ? holder : '',
    String(maxLength),
    event,
    JSON.stringify(payload),
    typeof id === 'string' ? id : '',
    typeof state === 'string' ? state : '',
  ]);
  return reply !== null;
}

/** Entries after `afterId` (`0-0`: from the start), waiting up to `blockMs` for one. */
export async function readEntries(
  redis: RedisLink,
  keys: ClusterKeys,
  afterId: string,
  blockMs: number,
  count = 1000,
): Promise<StreamEntry[]> {
  const reply = await redis.command([
    'XREAD',
    'COUNT',
    String(count),
    'BLOCK',
    String(blockMs),
    'STREAMS',
    keys.stream,
    afterId,
  ]);
  // RESP2: null, or [[stream, [[id, [field, value, ...]], ...]]]
  if (!Array.isArray(reply)) return [];
  const stream = reply[0] as [string, [string, string[]][]] | undefined;
  return (stream?.[1] ?? []).map(([id, fields]) => entryOf(id, fields));
}

/** The id of the stream's newest entry, or undefined when it is empty. */
export async function newestEntryId(
  redis: RedisLink,
  keys: ClusterKeys,
): Promise<string | undefined> {
  const reply = await redis.command(['XREVRANGE', keys.stream, '+', '-', 'COUNT', '1']);
  if (!Array.isArray(reply) || reply.length === 0) return undefined;
  return (reply[0] as [string, string[]])[0];
}

function entryOf(id: string, fields: string[]): StreamEntry {
  const entry: StreamEntry = { id, event: '', json: '' };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'event') entry.event = fields[i + 1]!;
    else if (fields[i] === 'json') entry.json = fields[i + 1]!;
  }
  return entry;
}

/** Orders two stream ids (`ms-n`): negative when a is older. */
export function compareEntryIds(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('-').map(Number);
  const [bm = 0, bn = 0] = b.split('-').map(Number);
  return am !== bm ? am - bm : an - bn;
}
