/**
 * Wire protocol v1 (CONTRACT section 1): the validators every payload goes through, in the
 * gateway, the browser and the CLI alike, and the types derived from them.
 */
import * as T from './validate';

export const PROTOCOL_VERSION = 1;

const version = T.literal(1);
const ms = T.number({ min: 0 });
const count = T.number({ min: 0, integer: true });

export const serverInfo = T.object({
  id: T.string,
  label: T.optional(T.string),
  pool: T.optional(T.string),
  weight: T.number({ min: 0 }),
});
/** A backend as announced in `hello`. */
export type ServerInfo = T.Infer<typeof serverInfo>;

/** How a source knows latency (CONTRACT `hello.latency`). */
export const LATENCY_KINDS = ['quantiles', 'mean'] as const;
export type LatencyKind = (typeof LATENCY_KINDS)[number];

export const hello = T.refine(
  T.object({
    v: version,
    source: T.string,
    mode: T.literal('live', 'replay'),
    intervalMs: T.number({ min: 1 }),
    tz: T.optional(T.string),
    servers: T.array(serverInfo),
    now: ms,
    oldestSeq: T.optional(count),
    /** "mean": the source only knows an average, so p50 = p95 = p99 = it; absent = quantiles */
    latency: T.optional(T.literal(...LATENCY_KINDS)),
    // additions of ours (optional, so other gateways need not send them):
    /** how many times faster than real time the source plays; wall interval = intervalMs / speed */
    speed: T.optional(T.number({ min: 0 })),
    /** changes when the gateway process restarts, so a client knows its seq space is new */
    gatewayId: T.optional(T.string),
    /** the window the gateway's detector takes shares over (its `windowMs`), which the page shows */
    shareWindowMs: T.optional(T.number({ min: 1 })),
    /** the skewboard version of the gateway that sent it, so a recording says what wrote it */
    version: T.optional(T.string),
    /**
     * on connecting, the seq of the newest frame the gateway holds: the frames it sends next run
     * up to it, so a client catching up knows when it has (and need not draw every step)
     */
    newestSeq: T.optional(count),
  }),
  (h) => firstDuplicate(h.servers, 'servers'),
);
/** First message on every connection, and again whenever the server list changes. */
export type Hello = T.Infer<typeof hello>;

const latency = T.refine(T.object({ p50: ms, p95: ms, p99: ms }), (l) =>
  l.p50 <= l.p95 && l.p95 <= l.p99 ? null : { path: '', problem: 'needs p50 <= p95 <= p99' },
);
/** Latency percentiles of one server over one interval, in ms. */
export type Latency = T.Infer<typeof latency>;

export const sample = T.refine(
  T.object({
    id: T.string,
    requests: count,
    errors: T.optional(count),
    latencyMs: T.nullable(latency),
    up: T.optional(T.boolean),
    weight: T.optional(T.number({ min: 0 })),
  }),
  (s) => {
    if (s.errors !== undefined && s.errors > s.requests) {
      return { path: 'errors', problem: `${s.errors} errors is more than ${s.requests} requests` };
    }
    if (s.requests === 0 && s.latencyMs !== null) {
      return { path: 'latencyMs', problem: 'must be null when requests is 0' };
    }
    return null;
  },
);
/** One server's figures for one interval. */
export type Sample = T.Infer<typeof sample>;

export const frame = T.refine(
  T.object({
    v: version,
    seq: count,
    t: ms,
    intervalMs: T.number({ min: 1 }),
    samples: T.array(sample),
  }),
  (f) => firstDuplicate(f.samples, 'samples'),
);
/** One interval of every server's figures. */
export type Frame = T.Infer<typeof frame>;

export const ANNOTATION_KINDS = [
  'detected',
  'investigating',
  'escalated',
  'identified',
  'resolved',
  'change',
  'alert',
  'note',
] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/**
 * The most an annotation may hold, the same in the page, the gateway and a recording: notes
 * are written by anyone who may write, kept by the gateway and copied into every new
 * recording file, so each field has a bound.
 */
export const ANNOTATION_LIMITS = {
  id: 200,
  title: 200,
  text: 10_000,
  source: 200,
  tags: 20,
  tag: 64,
} as const;

const annotationId = T.boundedString(ANNOTATION_LIMITS.id);
const annotationFields = {
  t: ms,
  endT: T.optional(ms),
  title: T.boundedString(ANNOTATION_LIMITS.title),
  text: T.optional(T.boundedString(ANNOTATION_LIMITS.text)),
  kind: T.literal(...ANNOTATION_KINDS),
  source: T.optional(T.boundedString(ANNOTATION_LIMITS.source)),
  tags: T.optional(
    T.array(T.boundedString(ANNOTATION_LIMITS.tag), { maxLength: ANNOTATION_LIMITS.tags }),
  ),
};
const endAfterStart = (a: { t: number; endT?: number }) =>
  a.endT !== undefined && a.endT < a.t ? { path: 'endT', problem: 'is before t' } : null;

export const annotation = T.refine(
  T.object({ v: version, id: annotationId, ...annotationFields }),
  endAfterStart,
);
/** A marker on the time axis (upsert by id). Title and text are untrusted plain text. */
export type Annotation = T.Infer<typeof annotation>;

export const annotationRemove = T.object({ v: version, id: annotationId });
export type AnnotationRemove = T.Infer<typeof annotationRemove>;

/** What a browser sends to add a note: an annotation without its id. */
export const annotateRequest = T.refine(
  T.object({ v: version, ...annotationFields }),
  endAfterStart,
);
export type AnnotateRequest = T.Infer<typeof annotateRequest>;

/**
 * The most an alert may hold. Its servers and message come from the source's server ids,
 * which the gateway does not choose: each field has a bound, as an annotation's do.
 */
export const ALERT_LIMITS = {
  id: 300,
  server: 1_000,
  servers: 10_000,
  message: 10_000,
} as const;

export const ALERT_RULES = ['share-skew', 'latency', 'errors', 'server-down'] as const;
export const ALERT_CAUSES = ['load-balancer', 'backend', 'capacity', 'unknown'] as const;

export const alert = T.refine(
  T.object({
    v: version,
    id: T.boundedString(ALERT_LIMITS.id),
    state: T.literal('firing', 'resolved'),
    t: ms,
    since: ms,
    rule: T.literal(...ALERT_RULES),
    servers: T.array(T.boundedString(ALERT_LIMITS.server), { maxLength: ALERT_LIMITS.servers }),
    cause: T.literal(...ALERT_CAUSES),
    message: T.boundedString(ALERT_LIMITS.message),
  }),
  (a) => (a.since > a.t ? { path: 'since', problem: 'is after t' } : null),
);
/** The gateway's detector: one alert transition, or one alert firing sent after `hello`. */
export type AlertPayload = T.Infer<typeof alert>;

const handshakeTokenFields = {
  token: T.optional(T.string),
  /** the write token under a name of its own, as older pages send it */
  writeToken: T.optional(T.string),
};
/** The secrets a handshake presents, read on their own: who may connect is judged first. */
export const handshakeTokens = T.object(handshakeTokenFields);

export const handshakeAuth = T.object({
  ...handshakeTokenFields,
  resumeAfterSeq: T.optional(count),
  /** the gateway whose numbering `resumeAfterSeq` counts in (its `hello.gatewayId`) */
  gatewayId: T.optional(T.string),
});
/** A Socket.IO handshake's `auth` (CONTRACT section 1: Handshake, Resume). */
export type HandshakeAuth = T.Infer<typeof handshakeAuth>;

/** Validates a handshake's `auth`; the error names the field, as `auth.resumeAfterSeq`. */
export function parseHandshakeAuth(auth: unknown): ParseResult<HandshakeAuth> {
  try {
    return { ok: true, value: handshakeAuth.check(auth, 'auth') };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `handshake: ${reason}` };
  }
}

/** What a write from the page is answered with (CONTRACT: `annotate`'s ack). */
export const writeAck = T.tagged('ok', {
  true: T.object({ ok: T.literal(true), id: T.string }),
  false: T.object({ ok: T.literal(false), error: T.string }),
});
export type WriteAck = T.Infer<typeof writeAck>;

export const SOURCE_STATES = ['ok', 'failing', 'finished'] as const;

/**
 * How the gateway's source is doing beyond its frames, sent when it changes and after `hello`
 * when there is something to say: why frames stopped (a Prometheus that does not answer, and
 * what it said), why they are empty (a query with no series), or that a replay played to its end.
 */
export const sourceStatus = T.object({
  v: version,
  state: T.literal(...SOURCE_STATES),
  problem: T.optional(T.boundedString(1_000)),
  /** the system answers, but with nothing to show: e.g. a Prometheus query with no series */
  notice: T.optional(T.boundedString(1_000)),
});
export type SourceStatus = T.Infer<typeof sourceStatus>;

/** The gateway -> browser events and the validator of each. */
export const gatewayEvents = {
  hello,
  frame,
  annotation,
  'annotation:remove': annotationRemove,
  alert,
  'source-status': sourceStatus,
} as const;
export type GatewayEventName = keyof typeof gatewayEvents;

function firstDuplicate(items: { id: string }[], path: string) {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    if (seen.has(id)) return { path: `${path}[${i}].id`, problem: `repeats ${JSON.stringify(id)}` };
    seen.add(id);
  }
  return null;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validates one payload of a named event; never throws. */
export function parsePayload<E extends GatewayEventName>(
  event: E,
  payload: unknown,
): ParseResult<T.Infer<(typeof gatewayEvents)[E]>> {
  try {
    const value = gatewayEvents[event].check(payload) as T.Infer<(typeof gatewayEvents)[E]>;
    return { ok: true, value };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `${event}: ${reason}` };
  }
}
