import { describe, expect, it } from 'vitest';
import { guardHaproxy, guardNginx, isLoopbackAddress } from './loopback-guard';

const config = (text: string, lineMap: number[] = []) => ({ text, lineMap });

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1:80', true],
    ['127.45.3.9', true],
    ['ipv4@127.0.0.1:8080', true],
    ['127.255.255.254:1-100', true],
    ['10.0.0.5:80', false],
    [':443', false],
    ['*:80', false],
    ['0.0.0.0:80', false],
    ['[::]:80', false],
    ['127.0.0.1.evil.example:80', false],
    ['127.0.0.256:80', false],
    ['localhost:80', false],
    ['web1.prod.internal:8080', false],
    ['${ADDR}:80', false],
  ])('%s: %s', (address, loopback) => expect(isLoopbackAddress(address)).toBe(loopback));
});

describe('guardHaproxy', () => {
  it('refuses a server left on a real address, naming its original line', () => {
    // what a rewriter bug would leave behind
    const text = 'backend web\n  server web1 10.0.0.5:80 check\n';
    expect(() => guardHaproxy(config(text, [30, 31]))).toThrow(
      'line 31: refusing to start: server address 10.0.0.5:80 is not on loopback',
    );
  });

  it.each([
    ['frontend f\n  bind :443 ssl crt /x.pem\n', 'bind address :443'],
    ['frontend f\n  bind 127.0.0.1:80,10.0.0.1:80\n', 'bind address 10.0.0.1:80'],
    ['backend b\n  server a 127.0.0.1:80 check addr 10.0.0.9\n', 'server address 10.0.0.9'],
    ['backend b\n  source 10.0.0.1\n', 'source address 10.0.0.1'],
    ['global\n  log 10.0.0.3:514 local0\n', 'log address 10.0.0.3:514'],
    ['global\n  stats socket 10.0.0.3:9999\n', 'stats address 10.0.0.3:9999'],
    [
      'resolvers dns\n  nameserver ns1 127.0.0.1:53\n',
      '"resolvers dns" could reach another machine',
    ],
    ['peers p\n  peer lb2 10.0.0.7:1024\n', 'peer address 10.0.0.7:1024'],
    ['backend b\n  http-request do-resolve(txn.ip,dns) hdr(host)\n', 'could reach another machine'],
    ['ring r\n  server s 10.0.0.8:514\n', 'server address 10.0.0.8:514'],
  ])('refuses %j', (text, problem) => {
    expect(() => guardHaproxy(config(text))).toThrow(problem);
  });

  it('lets loopback addresses and local sockets through', () => {
    const text =
      'global\n  stats socket /scratch/test-lb/admin.sock\nbackend b\n  server a 127.0.0.1:80\n  server b unix@/scratch/test-lb/x.sock\n';
    expect(() => guardHaproxy(config(text))).not.toThrow();
  });
});

describe('guardNginx', () => {
  it.each([
    ['http { upstream app { server 10.0.0.5:80; } }', 'upstream server 10.0.0.5:80'],
    ['http { server { listen 80; } }', 'listen 80'],
    [
      'http { server { listen 127.0.0.1:80; location / { proxy_pass http://10.0.0.5; } } }',
      'proxy_pass http://10.0.0.5',
    ],
    ['http { resolver 10.0.0.2; }', '"resolver"'],
    ['http { include /etc/nginx/conf.d/*.conf; }', '"include"'],
    ['http { access_log syslog:server=10.0.0.3 combined; }', 'sends logs over the network'],
  ])('refuses %j', (text, problem) => {
    expect(() => guardNginx(config(text))).toThrow(problem);
  });

  it('lets a loopback server block proxying to a loopback upstream through', () => {
    const text =
      'http { upstream app { server 127.0.0.1:81; } server { listen 127.0.0.1:80; location / { proxy_pass http://app; } } }';
    expect(() => guardNginx(config(text))).not.toThrow();
  });
});
