import { describe, expect, it } from 'vitest';
import { authorizationOf, sourceRequest, withoutCredentials } from './source-auth';

const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;

describe('source credentials', () => {
  it.each([
    ['admin:s3cret', basic('admin:s3cret')],
    ['admin:pa:ss', basic('admin:pa:ss')],
    ['Bearer abc.def', 'Bearer abc.def'],
    ['bearer   abc', 'Bearer abc'],
  ])('SKEWBOARD_SOURCE_AUTH=%s', (text, header) => {
    expect(authorizationOf(text)).toBe(header);
  });

  it.each(['token-only', ':password', 'Bearer'])('refuses %s, saying what it takes', (text) => {
    expect(() => authorizationOf(text)).toThrow('user:password or Bearer <token>');
  });

  it('takes credentials out of a URL into a header, and never shows them', () => {
    const req = sourceRequest('http://stats:hunter2@lb.prod.internal:8404/stats;csv', undefined);
    expect(req).toEqual({
      url: 'http://lb.prod.internal:8404/stats;csv',
      headers: { authorization: basic('stats:hunter2') },
    });
    expect(withoutCredentials('http://stats:hunter2@lb.prod.internal:8404/x')).not.toMatch(
      /hunter2|stats@/,
    );
    expect(withoutCredentials('not a url //user:pw@host')).toBe('not a url //host');
  });

  it("uses the environment's credentials when the URL has none, the URL's when it has", () => {
    expect(sourceRequest('http://prom.prod.internal:9090', 'Bearer t0k').headers).toEqual({
      authorization: 'Bearer t0k',
    });
    expect(sourceRequest('http://a:b@prom.prod.internal:9090', 'Bearer t0k').headers).toEqual({
      authorization: basic('a:b'),
    });
    expect(sourceRequest('http://prom.prod.internal:9090', undefined).headers).toEqual({});
  });
});
