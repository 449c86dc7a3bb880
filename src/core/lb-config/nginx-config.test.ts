import { describe, expect, it } from 'vitest';
import { configKind } from './config-kind';
import { PORTS, TEAM_HAPROXY, TEAM_NGINX } from './fixtures';
import { guardNginx } from './loopback-guard';
import { readNginxUpstream } from './nginx-config';
import { parseNginx } from './nginx-directives';
import { rewriteNginx } from './nginx-rewrite';

describe('parseNginx', () => {
  it('reads directives, blocks, quotes and lines', () => {
    const top = parseNginx('a 1;\n# c\nb "x y" {\n  c \'z\';\n}\n');
    expect(top).toEqual([
      { name: 'a', args: ['1'], line: 1 },
      { name: 'b', args: ['x y'], line: 3, block: [{ name: 'c', args: ['z'], line: 4 }] },
    ]);
  });

  it.each([
    ['http {\n  a 1;\n', 'line 1: this block is never closed'],
    ['a 1;\n}\n', 'line 2: unexpected "}"'],
    ['a 1\n}', 'line 2: unexpected "}" after "a"'],
    ['a "1;\n', 'line 1: a quoted string is never closed'],
  ])('names the line of %j', (text, problem) => expect(() => parseNginx(text)).toThrow(problem));

  it('takes linear time on a long run of one character', () => {
    const start = performance.now();
    expect(() => parseNginx('{'.repeat(200_000))).toThrow();
    expect(() => parseNginx('"'.repeat(1_000_001))).toThrow();
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('readNginxUpstream', () => {
  it('takes the upstream the default server proxies / to, with weights, backups and ip_hash', () => {
    const u = readNginxUpstream(TEAM_NGINX);
    expect(u.name).toBe('app');
    expect(u.servers.map((s) => [s.name, s.weight, s.standby, s.line])).toEqual([
      ['web1', 3, false, 21],
      ['web2', 1, false, 22],
      ['web3', 1, true, 23],
    ]);
    expect(u.balancing).toMatchObject({ setting: 'ip_hash', line: 20, pinsClients: true });
  });

  it.each([
    ['hash $remote_addr consistent;', true, undefined],
    ['hash $request_uri consistent;', false, undefined],
    ['hash $arg_user;', false, 'user'],
    ['least_conn;', false, undefined],
  ])('%s', (method, pins, urlParam) => {
    const u = readNginxUpstream(`http { upstream a { ${method} server x:1; } }`);
    expect(u.balancing.pinsClients).toBe(pins);
    expect(u.balancing.urlParam).toBe(urlParam);
  });

  it('names the upstreams there are when the one asked for is not', () => {
    expect(() => readNginxUpstream(TEAM_NGINX, 'www')).toThrow(
      'no upstream "www" (there are: api, app)',
    );
  });
});

describe('rewriteNginx', () => {
  const out = rewriteNginx(TEAM_NGINX, readNginxUpstream(TEAM_NGINX), PORTS);

  it('keeps the upstream, points its servers at stubs and listens on loopback only', () => {
    expect(out.text).toContain(
      '  upstream app {\n    ip_hash;\n    server 127.0.0.1:7001 weight=3 max_fails=3;\n',
    );
    expect(out.text).toContain('    server 127.0.0.1:7003 backup;');
    expect(out.text).toContain('listen 127.0.0.1:7000;');
    for (const gone of [
      'www-data',
      '/run/nginx.pid',
      'include',
      '/var/log',
      'ssl',
      'resolver',
      'api1',
      'listen 80',
    ]) {
      expect(out.text).not.toContain(gone);
    }
    expect(out.text).toContain('pid /scratch/test-lb/nginx.pid;');
    expect(() => guardNginx(out)).not.toThrow();
  });

  it('maps server lines back to the original ones', () => {
    const lines = out.text.split('\n');
    expect(out.lineMap[lines.indexOf('    server 127.0.0.1:7002;')]).toBe(22);
  });
});

describe('configKind', () => {
  it.each([
    [TEAM_HAPROXY, 'haproxy'],
    [TEAM_NGINX, 'nginx'],
    ['hello world\n', null],
  ])('%#', (text, kind) => expect(configKind(text)).toBe(kind));
});
