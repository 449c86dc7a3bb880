/**
 * The gateways a live page may follow (`?gateway=a,b`, CONTRACT section 5): read from the
 * address, and which one to try next when the one it is on is gone. Pure: the socket client
 * asks, and moves its connection itself.
 */

/** more than a handful is a typo or a hostile link, not a cluster */
export const MAX_GATEWAYS = 8;
const MAX_ENTRY_LENGTH = 2048;

/** What `?gateway=` named: the origins to follow, in order, and the entries that are not one. */
export interface GatewayList {
  origins: string[];
  ignored: string[];
}

/**
 * Reads `?gateway=`: comma-separated gateway addresses, each reduced to its origin (Socket.IO
 * is at `/socket.io` on every gateway); `ws:`/`wss:` read as `http:`/`https:`, and an address
 * without a scheme (`host:port`) gets the page's. Repeats are dropped; so are entries past MAX_GATEWAYS.
 */
export function parseGatewayList(param: string | undefined, pageProtocol: string): GatewayList {
  const out: GatewayList = { origins: [], ignored: [] };
  if (param === undefined) return out;
  for (const raw of param.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const origin = entryOrigin(entry, pageProtocol);
    if (origin === undefined || out.origins.length >= MAX_GATEWAYS) {
      out.ignored.push(entry.slice(0, 200));
    } else if (!out.origins.includes(origin)) {
      out.origins.push(origin);
    }
  }
  return out;
}

const SCHEMES: Record<string, string> = {
  'http:': 'http:',
  'https:': 'https:',
  'ws:': 'http:',
  'wss:': 'https:',
};

function entryOrigin(entry: string, pageProtocol: string): string | undefined {
  if (entry.length > MAX_ENTRY_LENGTH) return undefined;
  const hasScheme = entry.includes('://');
  // without a scheme only `host[:port]`: `http:/gw` is a typo, not a host named "http"
  if (!hasScheme && entry.includes('/')) return undefined;
  const withScheme = hasScheme ? entry : `${pageProtocol}//${entry}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  const scheme = SCHEMES[url.protocol];
  if (scheme === undefined || url.hostname === '') return undefined;
  url.protocol = scheme;
  return url.origin;
}

/** Where Socket.IO's engine connects, as its options say it (no origin = the page's own). */
export interface EngineAddress {
  hostname?: string;
  port?: string;
  secure?: boolean;
}

/** The engine options that point a Socket.IO manager at `origin`. */
export function engineAddress(origin: string | undefined): EngineAddress {
  if (origin === undefined) return {};
  const url = new URL(origin);
  const secure = url.protocol === 'https:';
  return {
    // the engine adds the brackets of an IPv6 address itself
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port || (secure ? '443' : '80'),
    secure,
  };
}

/** Which gateway of the list the page is on, and where it goes when that one fails. */
export interface GatewayRotation {
  /** the origin to connect to; undefined = the page's own */
  current(): string | undefined;
  /**
   * A connection to the current one failed or dropped. After `triesPerGateway` failures in a
   * row it moves to the next (after the last, the first). Returns the origin to try now.
   */
  failed(): string | undefined;
  /** connected: the current one starts afresh */
  connected(): void;
}

/**
 * `triesPerGateway` 2: the drop itself and one retry, so a gateway that restarts at once keeps
 * its viewers, and one that is gone loses them to the next within one more backoff.
 */
export function createGatewayRotation(
  origins: readonly string[],
  triesPerGateway = 2,
): GatewayRotation {
  let index = 0;
  let failures = 0;
  return {
    current: () => origins[index],
    failed() {
      failures++;
      if (origins.length > 1 && failures >= triesPerGateway) {
        index = (index + 1) % origins.length;
        failures = 0;
      }
      return origins[index];
    },
    connected() {
      failures = 0;
    },
  };
}
