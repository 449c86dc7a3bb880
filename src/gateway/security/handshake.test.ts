import { describe, expect, it } from 'vitest';
import type { Tokens } from './access';
import { admit } from './handshake';

const OPEN: Tokens = {};
const GUARDED: Tokens = { read: 'R', write: 'W' };

describe('admit', () => {
  it.each<{ name: string; auth: unknown; tokens: Tokens; verdict: unknown }>([
    {
      name: 'an open gateway lets a bare client write',
      auth: {},
      tokens: OPEN,
      verdict: { ok: true, access: 'write', auth: {} },
    },
    {
      name: 'the read token reads, and the resume point comes with it',
      auth: { token: 'R', resumeAfterSeq: 12, gatewayId: 'g' },
      tokens: GUARDED,
      verdict: {
        ok: true,
        access: 'read',
        auth: { token: 'R', resumeAfterSeq: 12, gatewayId: 'g' },
      },
    },
    {
      name: 'the write token writes',
      auth: { token: 'W' },
      tokens: GUARDED,
      verdict: { ok: true, access: 'write', auth: { token: 'W' } },
    },
    {
      name: "an old page's writeToken writes",
      auth: { token: 'R', writeToken: 'W' },
      tokens: GUARDED,
      verdict: { ok: true, access: 'write', auth: { token: 'R', writeToken: 'W' } },
    },
    {
      name: 'no token: unauthorized',
      auth: {},
      tokens: GUARDED,
      verdict: { ok: false, error: 'unauthorized' },
    },
    {
      name: 'a wrong token: unauthorized',
      auth: { token: 'guess' },
      tokens: GUARDED,
      verdict: { ok: false, error: 'unauthorized' },
    },
    {
      name: 'without the token, a bad field still hears only unauthorized',
      auth: { resumeAfterSeq: -3 },
      tokens: GUARDED,
      verdict: { ok: false, error: 'unauthorized' },
    },
    {
      name: 'a token that is not a string is no token',
      auth: { token: 42 },
      tokens: GUARDED,
      verdict: { ok: false, error: 'unauthorized' },
    },
    {
      name: 'with the token, a bad resume point is refused naming it',
      auth: { token: 'R', resumeAfterSeq: -3 },
      tokens: GUARDED,
      verdict: {
        ok: false,
        error: 'handshake: auth.resumeAfterSeq: expected an integer >= 0, got the number -3',
      },
    },
    {
      name: 'an open gateway names a malformed token',
      auth: { token: 42 },
      tokens: OPEN,
      verdict: { ok: false, error: 'handshake: auth.token: expected a string, got the number 42' },
    },
    {
      name: 'an open gateway names a malformed gateway id',
      auth: { gatewayId: 7 },
      tokens: OPEN,
      verdict: {
        ok: false,
        error: 'handshake: auth.gatewayId: expected a string, got the number 7',
      },
    },
  ])('$name', ({ auth, tokens, verdict }) => {
    expect(admit(auth, tokens)).toEqual(verdict);
  });
});
