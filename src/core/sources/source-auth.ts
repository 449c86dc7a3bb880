/**
 * Credentials for the systems a source reads (Prometheus, an HAProxy stats page): from
 * `SKEWBOARD_SOURCE_AUTH` (`user:password` or `Bearer <token>`) or written in the URL
 * (`http://user:password@lb:8404/stats;csv`). Either way they travel in an `Authorization`
 * header, and a URL is only ever shown without them: not in `hello.source`, a log line or an
 * error.
 */

/** UTF-8 text as base64, the same in Node and the browser. */
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** What `SKEWBOARD_SOURCE_AUTH` holds, as an `Authorization` header value. */
export function authorizationOf(text: string): string {
  const value = text.trim();
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  if (bearer) return `Bearer ${bearer[1]}`;
  const colon = value.indexOf(':');
  if (colon <= 0) {
    throw new RangeError('SKEWBOARD_SOURCE_AUTH must be user:password or Bearer <token>');
  }
  return `Basic ${base64(value)}`;
}

/** The URL as it may be shown: no user, no password. Unchanged when it does not parse. */
export function withoutCredentials(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // not a URL: still never show what looks like user:password@
    return url.replace(/\/\/[^/@\s]*@/, '//');
  }
  if (!parsed.username && !parsed.password) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** The URL to fetch and its `Authorization`, from the URL's own credentials or the environment's. */
export function sourceRequest(
  url: string,
  envAuth: string | undefined,
): { url: string; headers: Record<string, string> } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, headers: {} };
  }
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  const bare = withoutCredentials(url);
  if (user || password) {
    const basic = base64(`${user}:${password}`);
    return { url: bare, headers: { authorization: `Basic ${basic}` } };
  }
  if (envAuth !== undefined && envAuth.trim() !== '') {
    return { url: bare, headers: { authorization: authorizationOf(envAuth) } };
  }
  return { url: bare, headers: {} };
}
