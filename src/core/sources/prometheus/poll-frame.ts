/**
 * One poll of Prometheus (the answers to a preset's queries at one instant) as the servers
 * `hello` lists, and two polls as one frame of the wire protocol.
 */
import type { Latency, Sample, ServerInfo } from '../../protocol/protocol';
import type { PromPreset, QueryName } from './presets';
import type { VectorSample } from './query-result';

/** One server's figures at one poll: counters as Prometheus holds them, gauges now. */
export interface ServerReading {
  id: string;
  label: string;
  pool: string;
  requests: number;
  errors?: number;
  weight?: number;
  up?: boolean;
  /** in ms, whatever unit the preset's queries give */
  latencyMs?: Latency;
}

/** Every server at one poll, at `t` (ms): the time the queries were evaluated at. */
export interface PollReading {
  t: number;
  servers: ReadonlyMap<string, ServerReading>;
}

/** A frame before the gateway numbers it: the interval (t - intervalMs, t]. */
export interface PollFrame {
  t: number;
  intervalMs: number;
  samples: Sample[];
}

/** The answers of one poll, by query. */
export type PollAnswers = Partial<Record<QueryName, readonly VectorSample[]>>;

/**
 * The servers of one poll. A server is a series of the requests query: one that only has a
 * weight or a status has never served, and is not in the fleet until it does.
 */
export function pollReading(preset: PromPreset, t: number, answers: PollAnswers): PollReading {
  const name = (labels: Readonly<Record<string, string>>) => {
    const server = labels[preset.serverLabel];
    const pool = labels[preset.poolLabel];
    return server === undefined || pool === undefined ? undefined : { server, pool };
  };
  const byId = (query: QueryName) => {
    const values = new Map<string, number>();
    for (const s of answers[query] ?? []) {
      const n = name(s.labels);
      if (n) values.set(`${n.pool}/${n.server}`, s.value);
    }
    return values;
  };
  const [errors, weight, up] = [byId('errors'), byId('weight'), byId('up')];
  const [mean, p50, p95, p99] = [
    byId('latencyMean'),
    byId('latencyP50'),
    byId('latencyP95'),
    byId('latencyP99'),
  ];
  const toMs = preset.latencyUnit === 'milliseconds' ? 1 : 1000;
  const latencyOf = (id: string): Latency | undefined => {
    const m = mean.get(id);
    if (m !== undefined) {
      // only a mean is known: p50 = p95 = p99 = it, as the haproxy: source does
      return m >= 0 ? { p50: m * toMs, p95: m * toMs, p99: m * toMs } : undefined;
    }
    const [a, b, c] = [p50.get(id), p95.get(id), p99.get(id)];
    if (a === undefined || b === undefined || c === undefined || a < 0) return undefined;
    // a user's own queries, or buckets that are not monotonic, can put a p95 under its p50:
    // the wire needs them in order, and the larger is the safer to show
    const p95ms = Math.max(a, b) * toMs;
    return { p50: a * toMs, p95: p95ms, p99: Math.max(p95ms, c * toMs) };
  };
  const servers = new Map<string, ServerReading>();
  for (const s of answers.requests ?? []) {
    const n = name(s.labels);
    if (!n) continue;
    const id = `${n.pool}/${n.server}`;
    const reading: ServerReading = { id, label: n.server, pool: n.pool, requests: s.value };
    const e = errors.get(id);
    const w = weight.get(id);
    const u = up.get(id);
    const l = latencyOf(id);
    if (e !== undefined) reading.errors = e;
    if (w !== undefined && w >= 0) reading.weight = w;
    if (u !== undefined) reading.up = u > 0;
    if (l !== undefined) reading.latencyMs = l;
    servers.set(id, reading);
  }
  return { t, servers: new Map([...servers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** The servers as `hello` lists them: pool = the preset's pool label, weight 1 when unknown. */
export function pollServers(reading: PollReading): ServerInfo[] {
  return [...reading.servers.values()].map((s) => ({
    id: s.id,
    label: s.label,
    pool: s.pool,
    weight: s.weight ?? 1,
  }));
}

/**
 * One frame from two polls: what each counter grew by between them. A server new since the
 * last poll is left out of this frame: its counter holds everything since its HAProxy started
 * (or since Prometheus first scraped it), not this interval, and counting it would be a spike.
 */
export function pollFrame(before: PollReading, after: PollReading): PollFrame {
  const intervalMs = after.t - before.t;
  if (!(intervalMs > 0)) throw new RangeError(`polls ${before.t} and ${after.t} are not in order`);
  const known = [...after.servers.values()].filter((s) => before.servers.has(s.id));
  const samples = known.map((now): Sample => {
    const old = before.servers.get(now.id)!;
    const requests = growth(old.requests, now.requests);
    const sample: Sample = {
      id: now.id,
      requests,
      // the two counters come from one scrape, but a 5xx can be counted before its request
      // is: the cap keeps the frame valid
      ...(now.errors !== undefined && {
        errors: Math.min(requests, growth(old.errors, now.errors)),
      }),
      // CONTRACT: a server that served nothing in the interval has no latency
      latencyMs: requests === 0 || now.latencyMs === undefined ? null : now.latencyMs,
      ...(now.up !== undefined && { up: now.up }),
      ...(now.weight !== undefined && { weight: now.weight }),
    };
    return sample;
  });
  return { t: after.t, intervalMs, samples };
}

/** Whole units a counter grew by; one that went backwards was reset (a restart) and counts from zero. */
function growth(before: number | undefined, after: number): number {
  if (before === undefined) return 0;
  const grown = after < before ? after : after - before;
  return Math.max(0, Math.round(grown));
}

/** The preset's queries that came back with no series a server can be named by. */
export function emptyQueries(preset: PromPreset, answers: PollAnswers): QueryName[] {
  return (Object.keys(preset.queries) as QueryName[]).filter(
    (q) =>
      !(answers[q] ?? []).some(
        (s) =>
          s.labels[preset.serverLabel] !== undefined && s.labels[preset.poolLabel] !== undefined,
      ),
  );
}
