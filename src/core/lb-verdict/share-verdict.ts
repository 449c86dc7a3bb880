/**
 * Whether one traffic profile's shares hold against the weights: the detector's share-skew
 * rule judges them (its likelihood-ratio test and its factor, so a fair balancer does not fail
 * by chance), and the alert it fires is told again in the profile's terms, with the setting
 * that explains it: "with 3 client addresses, web2 gets 100% of requests (expected 25%):
 * `balance source` (line 14) pins each client to one server".
 */
import type { AlertEvent, DetectorOverrides } from '../detector';
import { percent } from '../detector/message';
import { judgeOnce } from '../detector/one-shot';
import type { BalancedBackend } from '../lb-config/balanced-backend';
import type { TrafficProfile } from './traffic-profiles';

/** One profile judged: what each server served, what it should have, and the alert if any. */
export interface ProfileVerdict {
  profile: TrafficProfile;
  /** requests each server served, in the order of the backend's servers */
  served: number[];
  shares: number[];
  expectedShares: number[];
  /** the share-skew alert, in the profile's words; null when the shares hold */
  alert: AlertEvent | null;
}

export interface VerdictInput {
  backend: BalancedBackend;
  profile: TrafficProfile;
  /** the weights the shares are held against: the configuration's, or --expect's */
  weights: number[];
  /** true when the weights came from --expect rather than the configuration */
  expected: boolean;
  served: number[];
  /** when the profile finished (ms since the epoch) */
  t: number;
  overrides?: DetectorOverrides;
}

const fractions = (xs: readonly number[]) => {
  const total = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => (total > 0 ? x / total : 0));
};

export function judgeProfile(x: VerdictInput): ProfileVerdict {
  const { backend, profile, weights, served } = x;
  const shares = fractions(served);
  const expectedShares = fractions(weights);
  const servers = backend.servers.map((s, i) => ({
    id: s.name,
    label: s.name,
    pool: backend.name,
    weight: weights[i]!,
  }));
  // requests that move together (one pinned keep-alive client) count once, so the test's
  // idea of chance is the traffic's
  const samples = servers.map((s, i) => ({
    id: s.id,
    requests: Math.round(served[i]! / profile.unit),
    errors: 0,
    latencyMs: null,
    up: true,
    weight: s.weight,
  }));
  const intervalMs = 10_000;
  const events = judgeOnce(
    { source: `test-lb:${backend.name}`, mode: 'live', intervalMs, servers, now: x.t },
    { t: x.t, intervalMs, samples },
    x.overrides,
  );
  const fired = events.find((e) => e.rule === 'share-skew' && e.state === 'firing');
  const verdict: ProfileVerdict = { profile, served, shares, expectedShares, alert: null };
  if (!fired) return verdict;
  const named = fired.servers.map((id) => backend.servers.findIndex((s) => s.name === id));
  const one = named.length === 1;
  const message =
    `${profile.label}, ${fired.servers.join(', ')} ${one ? 'gets' : 'get'} ` +
    `${percent(named.map((i) => shares[i]!))} of requests ` +
    `(expected ${percent(named.map((i) => expectedShares[i]!))})${explanation(x, named)}`;
  return { ...verdict, alert: { ...fired, cause: 'load-balancer', message } };
}

/** The setting behind a skew, as far as the configuration tells. */
function explanation(x: VerdictInput, named: number[]): string {
  const { balancing, servers } = x.backend;
  const at = balancing.line === null ? '' : ` (line ${balancing.line})`;
  const setting = `\`${balancing.setting}\`${at}`;
  if (x.expected) {
    const differ = named.filter((i) => servers[i]!.weight !== x.weights[i] && !servers[i]!.standby);
    if (differ.length > 0) {
      const said = differ.map(
        (i) => `${servers[i]!.name} weight ${servers[i]!.weight} (line ${servers[i]!.line})`,
      );
      const meant = differ.map((i) => x.weights[i]);
      return `: the configuration gives ${said.join(', ')}; --expect says ${meant.join(', ')}`;
    }
  }
  if (balancing.pinsClients && x.profile.clients.length < x.backend.servers.length * 8) {
    return `: ${setting} pins each client to one server`;
  }
  if (balancing.fillsFirst)
    return `: ${setting} fills each server up to its maxconn before using the next`;
  return `: under ${setting}`;
}
