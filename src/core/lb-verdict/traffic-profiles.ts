/**
 * The traffic test-lb sends: from many client addresses and from few, each with and without
 * keep-alive, every request on its own path. Client addresses are spread over 127.0.0.0/8,
 * which Linux routes to the loopback interface, so a balancer hashing the source sees as many
 * clients as the profile says and nothing leaves the machine.
 */

/** One way of sending the requests. */
export interface TrafficProfile {
  /** short and URL-safe: it tags the requests, so the stubs count them per profile */
  id: string;
  /** how messages and the table name it: "with 3 client addresses" */
  label: string;
  /** the source address of each client */
  clients: string[];
  /** each client sends its requests over one connection, else one connection per request */
  keepAlive: boolean;
  requests: number;
  /**
   * requests that share one client's fate: a balancer that pins connections or addresses
   * moves them together, so the share test counts in these units, not in requests
   */
  unit: number;
}

export interface ProfileOptions {
  requests: number;
  /** the few clients' number (`--clients`) */
  fewClients: number;
}

// requests a many-clients keep-alive client sends over its connection
const PER_CONNECTION = 4;

/**
 * The k-th address of a sequence scattered over 127.0.0.0/8: k times an odd number is a
 * bijection modulo 2^24, so no two k give the same address; network and broadcast-looking
 * last octets are skipped, as some stacks treat them oddly.
 */
export function clientAddresses(count: number, first: number): string[] {
  const out: string[] = [];
  for (let k = first; out.length < count; k++) {
    const x = Math.imul(k, 0x9e3779b1) >>> 8;
    const [a, b, c] = [(x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff];
    if (c === 0 || c === 255) continue;
    out.push(`127.${a}.${b}.${c}`);
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 'es'}`;

export function trafficProfiles({ requests, fewClients }: ProfileOptions): TrafficProfile[] {
  const manyKeepAlive = Math.max(1, Math.ceil(requests / PER_CONNECTION));
  return [
    {
      id: 'many',
      label: `with ${plural(requests, 'client address')}, a new connection each request`,
      clients: clientAddresses(requests, 1),
      keepAlive: false,
      requests,
      unit: 1,
    },
    {
      id: 'many-keepalive',
      label: `with ${plural(manyKeepAlive, 'client address')} over keep-alive`,
      clients: clientAddresses(manyKeepAlive, 1 + requests),
      keepAlive: true,
      requests,
      unit: Math.ceil(requests / manyKeepAlive),
    },
    {
      id: 'few',
      label: `with ${plural(fewClients, 'client address')}`,
      clients: clientAddresses(fewClients, 1 << 20),
      keepAlive: false,
      requests,
      // few clients are the point: a balancer that pins them fails, by design
      unit: 1,
    },
    {
      id: 'few-keepalive',
      label: `with ${plural(fewClients, 'client address')} over keep-alive`,
      clients: clientAddresses(fewClients, 1 << 20),
      keepAlive: true,
      requests,
      unit: 1,
    },
  ];
}

/** The path of request `i`: a new one each time, for `balance uri`, `hash $request_uri`, url_param. */
export function requestPath(profile: TrafficProfile, i: number, urlParam?: string): string {
  return `/skewboard-test-lb/${profile.id}/${i}?${encodeURIComponent(urlParam ?? 'n')}=${i}`;
}

/** The header that tags a test request with its profile; health checks do not carry it. */
export const PROFILE_HEADER = 'x-skewboard-test-lb';
