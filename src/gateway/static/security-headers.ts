/**
 * The headers every answer of the gateway carries (CONTRACT section 4): a policy that lets the
 * page run only its own scripts, keeps it out of other sites' frames and sends no referrer.
 */
import type { ServerResponse } from 'node:http';

export interface SecurityHeaderOptions {
  /** `--allow-frame`: let other sites put the page in a frame (a wall's own dashboard page) */
  allowFrame?: boolean;
}

export function contentSecurityPolicy(opts: SecurityHeaderOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    // React sets style properties from script (CSSOM), which the policy allows; the
    // stylesheet is a file of the page's own
    "style-src 'self'",
    // the favicon that turns red on an alert is drawn into a data: URL
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // ?gateway= and ?replay= may name another origin (CONTRACT section 5)
    "connect-src 'self' http: https: ws: wss:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(opts.allowFrame ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}

export function securityHeaders(opts: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(opts),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    ...(!opts.allowFrame && { 'x-frame-options': 'DENY' }),
  };
}

/** Sets them on an answer before it is written. */
export function setSecurityHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
