import type { Fault, ScenarioServer } from './scenario';

/** What the load balancer and the servers look like at one moment; arrays follow the server list. */
export interface LbState {
  weights: number[];
  up: boolean[];
  /** service-time multiplier of each server (1 = healthy) */
  slow: number[];
  /** fractions of all traffic pinned onto server indexes, whatever the weights */
  pins: { fraction: number; to: number[] }[];
}

const active = (f: Fault, t: number) => f.fromT <= t && (f.toT === undefined || t < f.toT);

/** Applies every fault active at t to the servers' starting configuration; later faults win. */
export function lbStateAt(servers: ScenarioServer[], faults: Fault[], t: number): LbState {
  const index = new Map(servers.map((s, i) => [s.id, i]));
  const at = (id: string) => index.get(id) ?? -1;
  const state: LbState = {
    weights: servers.map((s) => s.weight),
    up: servers.map(() => true),
    slow: servers.map(() => 1),
    pins: [],
  };
  for (const fault of faults) {
    if (!active(fault, t)) continue;
    const e = fault.effect;
    if (e.kind === 'misroute') {
      state.pins.push({ fraction: e.fraction, to: e.to.map(at).filter((i) => i >= 0) });
    } else if (at(e.server) >= 0) {
      const i = at(e.server);
      if (e.kind === 'down') state.up[i] = false;
      if (e.kind === 'weight') state.weights[i] = e.weight;
      // two slow faults on one server compound, like two slow dependencies would
      if (e.kind === 'slow') state.slow[i] = state.slow[i]! * e.factor;
    }
  }
  return state;
}
