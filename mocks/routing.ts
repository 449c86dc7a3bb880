import type { LbState } from './faults';

/**
 * Each server's fraction of all traffic: the pinned fractions first, the rest balanced by
 * weight over the servers that are up. Sums to 1 unless every server is down.
 */
export function routeShares(state: LbState): number[] {
  const n = state.weights.length;
  const shares = new Array<number>(n).fill(0);
  let pinned = 0;
  for (const pin of state.pins) {
    const targets = pin.to.filter((i) => state.up[i]);
    // a pin onto dead servers falls back to the balancer, as a health check would make it
    if (targets.length === 0) continue;
    const fraction = Math.min(pin.fraction, 1 - pinned);
    for (const i of targets) shares[i] = shares[i]! + fraction / targets.length;
    pinned += fraction;
  }
  const up = state.up.flatMap((isUp, i) => (isUp ? [i] : []));
  const totalWeight = up.reduce((sum, i) => sum + state.weights[i]!, 0);
  for (const i of up) {
    // all weights zero: spread evenly rather than lose the traffic
    const part = totalWeight > 0 ? state.weights[i]! / totalWeight : 1 / up.length;
    shares[i] = shares[i]! + (1 - pinned) * part;
  }
  return shares;
}
