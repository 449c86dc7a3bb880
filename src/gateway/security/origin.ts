/**
 * Which browser pages may talk to the gateway (CONTRACT section 1, "Origins"): its own origin
 * and those listed with `--allow-origin`. Browsers always send `Origin` on a WebSocket
 * handshake and on a cross-site fetch, so a page on another site is told apart from the
 * gateway's own; a client that sends none (a script, a CLI) is judged by its token alone.
 */

/** The origin as browsers send it (`scheme://host[:port]`), or undefined when it is not one. */
export function normalOrigin(text: string): string | undefined {
  if (text.length > 2048) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export interface OriginPolicy {
  /** origins listed with --allow-origin, normalised */
  allowed: ReadonlySet<string>;
}

/**
 * Whether a request with this `Origin` header may go on. The gateway's own origin is the one
 * whose host is the request's `Host`: a page it served itself. `null` (a sandboxed frame, a
 * file: page) is foreign.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  policy: OriginPolicy,
): boolean {
  if (origin === undefined) return true;
  const normal = normalOrigin(origin);
  if (normal === undefined) return false;
  if (policy.allowed.has(normal)) return true;
  return host !== undefined && new URL(normal).host === host.toLowerCase();
}

/** Reads `--allow-origin` values; throws naming the bad one. */
export function allowedOrigins(values: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const value of values) {
    const normal = normalOrigin(value);
    if (normal === undefined || normal !== value.replace(/\/$/, '')) {
      throw new Error(
        `--allow-origin ${JSON.stringify(value)}: not an origin; give scheme, host and port only, e.g. http://localhost:5173`,
      );
    }
    out.add(normal);
  }
  return out;
}
