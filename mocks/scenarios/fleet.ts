/**
 * Building blocks of the detection scenarios: a start time, a fleet of like servers, a change
 * note. Each scenario is a short stretch of one afternoon, so the suite plays in a second.
 */
import type { Fault, Percentiles, Scenario, ScenarioAnnotation, ScenarioServer } from '../scenario';

/** 14:00 UTC on an ordinary Monday. */
export const T0 = Date.UTC(2024, 5, 3, 14, 0);
export const MIN = 60_000;
/** `minutes` after T0, in UTC ms. */
export const at = (minutes: number) => T0 + minutes * MIN;

const SERVICE_MS: Percentiles = { p50: 20, p95: 50, p99: 90 };

export interface FleetOptions {
  /** ids are prefix-01, prefix-02, ... */
  prefix?: string;
  pool?: string;
  weight?: number;
  capacityRps?: number;
}

/** n alike servers. */
export function fleet(n: number, o: FleetOptions = {}): ScenarioServer[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${o.prefix ?? 'app'}-${String(i + 1).padStart(2, '0')}`,
    ...(o.pool === undefined ? {} : { pool: o.pool }),
    weight: o.weight ?? 1,
    capacityRps: o.capacityRps ?? 200,
    serviceMs: SERVICE_MS,
  }));
}

/** A scenario at T0 with 10 s frames, 1000 req/s and 2% wander unless told otherwise. */
export function scenario(
  s: Pick<Scenario, 'name' | 'description' | 'servers' | 'faults'> & Partial<Scenario>,
): Scenario {
  return {
    tz: '+00:00',
    startT: T0,
    intervalMs: 10_000,
    seed: 7,
    traffic: { rps: 1000, noise: 0.02 },
    annotations: [],
    ...s,
  };
}

/** A `change` marker for the dashboard, at `minutes` after T0. */
export const change = (name: string, minutes: number, title: string): ScenarioAnnotation => ({
  id: `${name}:${minutes}`,
  t: at(minutes),
  kind: 'change',
  title,
  source: `sim:${name}`,
});

/** The same effect on and off: `on` ms of it every `period` ms, `times` times from `fromT`. */
export function repeat(
  fromT: number,
  times: number,
  period: number,
  on: number,
  effect: Fault['effect'],
): Fault[] {
  return Array.from({ length: times }, (_, i) => ({
    fromT: fromT + i * period,
    toT: fromT + i * period + on,
    effect,
  }));
}
