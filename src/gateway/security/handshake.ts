/**
 * What a Socket.IO handshake lets in (CONTRACT section 1: Handshake, Tokens). The token is
 * judged first, from the secrets alone: a client without the right one hears "unauthorized"
 * whatever else it sent. A client let in whose `auth` is malformed is then refused as other
 * bad input is, with an error naming the field.
 */
import {
  handshakeTokens,
  parseHandshakeAuth,
  type HandshakeAuth,
} from '../../core/protocol/protocol';
import { accessOf, type Access, type Tokens } from './access';

/** The handshake's verdict: in, with what it may do and what it asked for; or why not. */
export type Admission =
  { ok: true; access: Exclude<Access, 'none'>; auth: HandshakeAuth } | { ok: false; error: string };

export function admit(auth: unknown, tokens: Tokens): Admission {
  // malformed secrets are no secrets: judged as none presented
  let presented: (string | undefined)[] = [];
  try {
    const { token, writeToken } = handshakeTokens.check(auth);
    presented = [token, writeToken];
  } catch {
    // the full check below names the field, once the client may hear it
  }
  const access = accessOf(presented, tokens);
  if (access === 'none') return { ok: false, error: 'unauthorized' };
  const parsed = parseHandshakeAuth(auth);
  return parsed.ok ? { ok: true, access, auth: parsed.value } : parsed;
}
