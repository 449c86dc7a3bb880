import { describe, expect, it } from 'vitest';
import { PORTS, TEAM_HAPROXY } from './fixtures';
import { readHaproxyBackend } from './haproxy-config';
import { rewriteHaproxy } from './haproxy-rewrite';
import { guardHaproxy } from './loopback-guard';

const rewrite = (text: string, named?: string) =>
  rewriteHaproxy(text, readHaproxyBackend(text, named), PORTS);

describe('rewriteHaproxy', () => {
  const out = rewrite(TEAM_HAPROXY);
  const lines = out.text.trimEnd().split('\n');

  it('keeps the balancing and points each server at its stub', () => {
    expect(lines).toContain('  balance source');
    expect(lines).toContain('  server web1 127.0.0.1:7001 check');
    expect(lines).toContain('  server web3 127.0.0.1:7003 check weight 2');
    expect(lines).toContain('  server web4 127.0.0.1:7004 check backup');
    expect(lines).toContain('  option httpchk GET /healthz');
  });

  it('listens on one loopback port and reaches nothing else', () => {
    expect(lines.filter((l) => l.includes('bind'))).toEqual(['  bind 127.0.0.1:7000']);
    for (const gone of [
      'chroot',
      'user',
      'group',
      'daemon',
      'log ',
      'ssl',
      '/run/haproxy',
      'errorfile',
      'api1',
      'redirect',
    ]) {
      expect(out.text).not.toContain(gone);
    }
    expect(lines).toContain('  maxconn 4096');
    expect(lines).toContain('  stats socket /scratch/test-lb/admin.sock mode 600 level admin');
    expect(() => guardHaproxy(out)).not.toThrow();
  });

  it('maps every line back to the line it came from, 0 for the ones it adds', () => {
    expect(out.lineMap).toHaveLength(lines.length);
    expect(out.lineMap[lines.indexOf('  server web3 127.0.0.1:7003 check weight 2')]).toBe(33);
    expect(out.lineMap[lines.indexOf('  bind 127.0.0.1:7000')]).toBe(0);
  });

  it('rewrites a listen section in place, its first bind on loopback', () => {
    const text =
      'listen lb\n  bind :443 ssl crt /x.pem\n  bind :80\n  balance leastconn\n  server a a.internal:80 check port 8081 addr 10.1.1.1\n';
    const rewritten = rewrite(text);
    expect(rewritten.text).toContain(
      'listen lb\n  bind 127.0.0.1:7000\n  balance leastconn\n  server a 127.0.0.1:7001 check\n',
    );
    expect(() => guardHaproxy(rewritten)).not.toThrow();
  });

  it('drops peers from a stick table and health checks of other protocols', () => {
    const text =
      'backend a\n  stick-table type ip size 1m peers mypeers expire 30m\n  option mysql-check user x\n  server a a:1\n';
    const rewritten = rewrite(text).text;
    expect(rewritten).toContain('stick-table type ip size 1m expire 30m');
    expect(rewritten).not.toContain('mysql-check');
  });
});
