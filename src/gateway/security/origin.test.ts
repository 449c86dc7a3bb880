import { describe, expect, it } from 'vitest';
import { allowedOrigins, originAllowed } from './origin';

const policy = { allowed: allowedOrigins(['http://localhost:5173', 'https://noc.example.org']) };

describe('which origins may talk to the gateway', () => {
  it.each<[string | undefined, string | undefined, boolean]>([
    // no Origin: a script or a CLI, judged by its token
    [undefined, 'gw:8080', true],
    // the gateway's own page
    ['http://gw:8080', 'gw:8080', true],
    ['http://GW:8080', 'gw:8080', true],
    ['http://127.0.0.1:8080', '127.0.0.1:8080', true],
    // behind a TLS proxy that keeps the Host
    ['https://gw', 'gw', true],
    // listed with --allow-origin
    ['http://localhost:5173', 'gw:8080', true],
    ['https://noc.example.org', 'gw:8080', true],
    // anything else
    ['http://evil.example', 'gw:8080', false],
    ['http://gw:8081', 'gw:8080', false],
    ['http://gw.evil.example:8080', 'gw:8080', false],
    ['https://noc.example.org:444', 'gw:8080', false],
    ['null', 'gw:8080', false],
    ['', 'gw:8080', false],
    ['file://', 'gw:8080', false],
    ['not a url', 'gw:8080', false],
    ['http://gw:8080', undefined, false],
    ['http://x'.padEnd(5000, 'x'), 'x', false],
  ])('Origin %j, Host %j: %s', (origin, host, ok) => {
    expect(originAllowed(origin, host, policy)).toBe(ok);
  });

  it.each(['localhost:5173', 'http://localhost:5173/app', '*', 'ftp://x'])(
    '--allow-origin %j is refused, naming it',
    (value) => {
      expect(() => allowedOrigins([value])).toThrow(`--allow-origin ${JSON.stringify(value)}`);
    },
  );

  it('takes an origin with a trailing slash', () => {
    expect([...allowedOrigins(['http://localhost:5173/'])]).toEqual(['http://localhost:5173']);
  });
});
