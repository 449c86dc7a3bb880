/**
 * A scenario as data: the servers, the traffic and what goes wrong when. The simulator plays it;
 * nothing here runs.
 */
import { annotation, type Annotation } from '../src/core/protocol/protocol';

/** Latency percentiles in ms. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** One backend behind the load balancer. */
export interface ScenarioServer {
  id: string;
  label?: string;
  pool?: string;
  /** configured load-balancer weight at the start (a `weight` fault changes it) */
  weight: number;
  /** requests per second the server can complete */
  capacityRps: number;
  /** latency of an idle server: the service time alone, before any queueing */
  serviceMs: Percentiles;
}

/** The total request rate arriving at the load balancer. */
export interface TrafficModel {
  /** mean requests per second */
  rps: number;
  /** daily swing as a fraction of rps (0.1 = +-10%), highest at peakHourUtc */
  diurnal?: { amplitude: number; peakHourUtc: number };
  /** sd of a slowly wandering multiplicative noise on the total (0.02 = 2%) */
  noise?: number;
}

/** What a fault does while it is active. */
export type FaultEffect =
  /** this fraction of ALL traffic is pinned onto `to` (split evenly); the rest is balanced by weight */
  | { kind: 'misroute'; fraction: number; to: string[] }
  /** the server's service time is multiplied by factor (so its capacity is divided by it) */
  | { kind: 'slow'; server: string; factor: number }
  /** the server fails its health check: up:false, no traffic, its share spread by weight */
  | { kind: 'down'; server: string }
  /** the server's configured weight is changed */
  | { kind: 'weight'; server: string; weight: number };

/** An effect active from fromT (inclusive) until toT (exclusive, or forever). */
export interface Fault {
  fromT: number;
  toT?: number;
  effect: FaultEffect;
}

/** An annotation as the protocol carries it, minus `v`; the id is stable so re-emitting upserts. */
export type ScenarioAnnotation = Omit<Annotation, 'v'>;

/** A complete scenario: everything the simulator needs to play it, deterministically. */
export interface Scenario {
  name: string;
  description: string;
  /** display zone of the incident: IANA name or "+HH:MM"/"-HH:MM" */
  tz: string;
  /** UTC ms of the start of the first interval */
  startT: number;
  /** simulated frame interval */
  intervalMs: number;
  seed: number;
  servers: ScenarioServer[];
  traffic: TrafficModel;
  faults: Fault[];
  annotations: ScenarioAnnotation[];
  /** requests that would take longer than this fail (default 10 s) */
  timeoutMs?: number;
  /** how much waiting a server's queue holds before it sheds with 503 (default 5 s) */
  queueLimitMs?: number;
  /** share of requests that fail even on a healthy server (default 0.001) */
  baselineErrorRate?: number;
}

/** The limits every server of a scenario runs under, defaults filled in. */
export interface Limits {
  timeoutMs: number;
  queueLimitMs: number;
  baselineErrorRate: number;
}

export function limitsOf(s: Scenario): Limits {
  return {
    timeoutMs: s.timeoutMs ?? 10_000,
    queueLimitMs: s.queueLimitMs ?? 5_000,
    baselineErrorRate: s.baselineErrorRate ?? 0.001,
  };
}

/** Throws one Error listing every mistake in a scenario, so a typo fails at start-up. */
export function checkScenario(s: Scenario): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  if (!(s.intervalMs > 0)) problems.push(`intervalMs ${s.intervalMs} is not > 0`);
  if (s.servers.length === 0) problems.push('has no servers');
  for (const server of s.servers) {
    if (ids.has(server.id)) problems.push(`server ${server.id} is listed twice`);
    ids.add(server.id);
    if (!(server.capacityRps > 0)) problems.push(`server ${server.id} has no capacity`);
    if (!(server.weight >= 0)) problems.push(`server ${server.id} has a negative weight`);
  }
  s.faults.forEach((fault, i) => {
    const e = fault.effect;
    const named = e.kind === 'misroute' ? e.to : [e.server];
    for (const id of named) if (!ids.has(id)) problems.push(`faults[${i}] names unknown ${id}`);
    if (fault.toT !== undefined && fault.toT < fault.fromT)
      problems.push(`faults[${i}] ends early`);
    if (e.kind === 'misroute' && !(e.fraction >= 0 && e.fraction <= 1)) {
      problems.push(`faults[${i}] fraction ${e.fraction} is not in [0, 1]`);
    }
    if (e.kind === 'slow' && !(e.factor > 0)) problems.push(`faults[${i}] factor is not > 0`);
  });
  const annotationIds = new Set<string>();
  for (const a of s.annotations) {
    if (annotationIds.has(a.id)) problems.push(`annotation ${a.id} is listed twice`);
    annotationIds.add(a.id);
    try {
      annotation.check({ v: 1, ...a }, a.id);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (problems.length > 0) {
    throw new Error(`scenario ${s.name}: ${problems.join('; ')}`);
  }
}
