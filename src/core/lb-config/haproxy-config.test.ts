import { describe, expect, it } from 'vitest';
import { TEAM_HAPROXY } from './fixtures';
import { readHaproxyBackend } from './haproxy-config';
import { splitWords } from './haproxy-words';

describe('splitWords', () => {
  it.each([
    ['  server web1 web1:80 check', ['server', 'web1', 'web1:80', 'check']],
    ['acl x hdr(host) "a b" # comment', ['acl', 'x', 'hdr(host)', 'a b']],
    ["set-header X 'it''s'", ['set-header', 'X', 'its']],
    ['a\\ b c', ['a b', 'c']],
    ['# only a comment', []],
  ])('%s', (line, words) => expect(splitWords(line)).toEqual(words));

  it('takes linear time on a long run of one character', () => {
    const start = performance.now();
    splitWords('"'.repeat(1_000_000));
    splitWords('\\'.repeat(1_000_000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('readHaproxyBackend', () => {
  it('takes the backend of the default frontend, with weights, backups and the balance line', () => {
    const b = readHaproxyBackend(TEAM_HAPROXY);
    expect(b.name).toBe('web');
    expect(b.servers.map((s) => [s.name, s.address, s.weight, s.standby, s.line])).toEqual([
      ['web1', 'web1.prod.internal:8080', 1, false, 31],
      ['web2', 'web2.prod.internal:8080', 1, false, 32],
      ['web3', 'web3.prod.internal:8080', 2, false, 33],
      ['web4', 'web4.prod.internal:8080', 1, true, 34],
    ]);
    expect(b.balancing).toEqual({
      setting: 'balance source',
      line: 29,
      pinsClients: true,
      fillsFirst: false,
    });
  });

  it.each([
    ['one named', 'api', 'api'],
    ['a listen section', undefined, 'lb'],
  ])('%s', (_, named, expected) => {
    const text = named ? TEAM_HAPROXY : 'listen lb\n  bind :80\n  server a a.internal:80\n';
    expect(readHaproxyBackend(text, named).name).toBe(expected);
  });

  it('names the backends there are when the one asked for is not', () => {
    expect(() => readHaproxyBackend(TEAM_HAPROXY, 'www')).toThrow(
      'no backend "www" with servers (there are: web, api)',
    );
  });

  it('asks for --backend when no frontend says which', () => {
    const text = 'backend a\n  server a1 a:80\nbackend b\n  server b1 b:80\n';
    expect(() => readHaproxyBackend(text)).toThrow(/--backend \(there are: a, b\)/);
  });

  it('expands server-template, takes default-server weights, and reads balance first and url_param', () => {
    const text = [
      'defaults',
      '  default-server weight 5',
      '  balance url_param userid',
      'backend app',
      '  server-template web 1-3 web.prod.internal:8080 check',
      '  server big big.internal:80 weight 7',
    ].join('\n');
    const b = readHaproxyBackend(text);
    expect(b.servers.map((s) => `${s.name}:${s.weight}`)).toEqual([
      'web1:5',
      'web2:5',
      'web3:5',
      'big:7',
    ]);
    expect(b.balancing.urlParam).toBe('userid');
    expect(
      readHaproxyBackend('backend a\n balance first\n server a a:1\n').balancing.fillsFirst,
    ).toBe(true);
  });

  it('sees stick on src as pinning clients', () => {
    const text = 'backend a\n stick-table type ip size 1m\n stick on src\n server a a:1\n';
    expect(readHaproxyBackend(text).balancing.pinsClients).toBe(true);
  });
});
