/** What test-lb learns from a configuration: the backend it tests and how that one balances. */

/** One server of the backend, as the configuration writes it. */
export interface LbServer {
  /** HAProxy's server name; for nginx the host of its address (`web1` of `web1.prod.internal:8080`) */
  name: string;
  /** where the configuration says it is, e.g. `web1.prod.internal:8080`; never contacted */
  address: string;
  line: number;
  /** the weight written (1 when none is) */
  weight: number;
  /** a backup, or a server taken out (`disabled`, `down`): no share while the others are up */
  standby: boolean;
}

/** How the backend picks a server, as far as the verdict can explain a skew. */
export interface Balancing {
  /** the setting as written, e.g. `balance source`, `ip_hash`, or the default's name */
  setting: string;
  /** the line of that setting; null for a default */
  line: number | null;
  /** the same client address always lands on the same server (source, ip_hash, stick on src) */
  pinsClients: boolean;
  /** fills the first server before using the next (`balance first`) */
  fillsFirst: boolean;
  /** `balance url_param NAME`: the parameter requests must vary */
  urlParam?: string;
}

/** The backend (HAProxy) or upstream (nginx) under test. */
export interface BalancedBackend {
  kind: 'haproxy' | 'nginx';
  name: string;
  servers: LbServer[];
  balancing: Balancing;
}

/** The share of new requests each server is meant to get: its weight, or 0 while on standby. */
export const sharingWeight = (s: LbServer) => (s.standby ? 0 : s.weight);

/** A rewritten configuration and, for each of its lines, the original line it came from (0: added). */
export interface RewrittenConfig {
  text: string;
  lineMap: number[];
}

/** Where the rewritten configuration puts things: every address on loopback, every file in `dir`. */
export interface RewritePorts {
  /** the port the load balancer listens on, on 127.0.0.1 */
  front: number;
  /** the stub standing in for each server, in the order of `servers` */
  stubs: number[];
  /** a private directory for the balancer's pid, socket, logs and temp files */
  dir: string;
}
