/**
 * Who may do what (CONTRACT section 1, "Tokens"): `--token R` lets a client read,
 * `--write-token W` lets it write notes, and W implies R. Without a read token anyone may
 * read; without a write token anyone who may read may write.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type Access = 'none' | 'read' | 'write';

export interface Tokens {
  read?: string;
  write?: string;
}

/** What a client that presents `given` (maybe nothing) may do. */
export function accessOf(given: readonly (string | undefined)[], tokens: Tokens): Access {
  const presents = (secret: string | undefined) =>
    secret !== undefined && given.some((g) => g !== undefined && sameSecret(g, secret));
  if (tokens.write !== undefined && presents(tokens.write)) return 'write';
  const mayRead = tokens.read === undefined || presents(tokens.read);
  if (!mayRead) return 'none';
  return tokens.write === undefined ? 'write' : 'read';
}

/**
 * Compares two secrets in constant time. Both are hashed first, so neither the contents nor
 * the length of the real token can be learnt from how long a refusal takes.
 */
export function sameSecret(given: string, secret: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** The token in an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  // a scanner, not a regex: the header is the attacker's, and may be long
  const scheme = 'bearer ';
  if (header.length <= scheme.length || header.slice(0, scheme.length).toLowerCase() !== scheme)
    return undefined;
  const token = header.slice(scheme.length).trim();
  return token === '' ? undefined : token;
}
