/**
 * `skewboard test-lb` as a pipeline runs it, against Debian's real haproxy and nginx, over
 * configurations written as teams write them: public binds, TLS, chroot, a user, daemon, a high
 * maxconn, health checks, servers by internal host names that do not resolve here. Each run
 * has its own temp dir and ports (the command's own); every child is stopped by the command,
 * and the test checks none is left.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../e2e/harness';
import { cleanupsAfterEach, needs } from '../support/services';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const later = cleanupsAfterEach();

const haproxy = (balance: string, servers = ['', '', '', ''], backendExtra: string[] = []) =>
  [
    'global',
    '    log /dev/log local0',
    '    chroot /var/lib/haproxy',
    '    stats socket /run/haproxy/admin.sock mode 660 level admin',
    '    user haproxy',
    '    group haproxy',
    '    daemon',
    '    maxconn 200000',
    '',
    'defaults',
    '    log global',
    '    mode http',
    '    option httplog',
    '    timeout connect 5s',
    '    timeout client 30s',
    '    timeout server 30s',
    '',
    'frontend https-in',
    '    bind :443 ssl crt /etc/ssl/site.pem',
    '    bind :80',
    '    http-request redirect scheme https unless { ssl_fc }',
    '    default_backend web',
    '',
    'backend web',
    `    ${balance}`,
    '    option httpchk GET /healthz',
    ...backendExtra,
    ...servers.map(
      (extra, i) => `    server web${i + 1} web${i + 1}.prod.internal:8080 check inter 2s${extra}`,
    ),
    '',
  ].join('\n');

const nginx = (method: string) =>
  [
    'user www-data;',
    'worker_processes auto;',
    'pid /run/nginx.pid;',
    'include /etc/nginx/modules-enabled/*.conf;',
    'events { worker_connections 768; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    access_log /var/log/nginx/access.log;',
    '    upstream app {',
    `        ${method}`,
    ...[1, 2, 3, 4].map((i) => `        server web${i}.prod.internal:8080 max_fails=3;`),
    '    }',
    '    server {',
    '        listen 443 ssl default_server;',
    '        ssl_certificate /etc/ssl/site.pem;',
    '        ssl_certificate_key /etc/ssl/site.key;',
    '        location / { proxy_pass http://app; }',
    '    }',
    '}',
    '',
  ].join('\n');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function testLb(name: string, config: string, args: string[] = []): Promise<Run> {
  const dir = await tempDir();
  later(() => dir.remove());
  const file = join(dir.path, name);
  await writeFile(file, config);
  const child = spawn(process.execPath, [BIN, 'test-lb', file, '--requests', '200', ...args], {
    cwd: ROOT,
    // its private directory inside the test's, so a balancer left behind can be found by it
    env: { ...process.env, TMPDIR: dir.path },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  later(() => void (child.exitCode === null && child.kill('SIGKILL')));
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  // the command stops its balancer: none may outlive it
  const left = spawnSync('pgrep', ['-f', dir.path], { encoding: 'utf8' }).stdout.trim();
  expect(left, `balancer left running for ${file}`).toBe('');
  return { code, stdout, stderr };
}

const alerts = (run: Run) =>
  run.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(
      (l) => JSON.parse(l) as { rule: string; servers: string[]; cause: string; message: string },
    );

// each run starts a balancer, sends 800 requests through it and stops it: a few seconds
describe('skewboard test-lb', { timeout: 30_000 }, () => {
  it.each([
    ['haproxy roundrobin, equal weights', 'lb.cfg', haproxy('balance roundrobin'), []],
    [
      'haproxy roundrobin, weights 1:1:2:4',
      'lb.cfg',
      haproxy('balance roundrobin', [' weight 1', '', ' weight 2', ' weight 4']),
      [],
    ],
    [
      'haproxy leastconn with a backup',
      'lb.cfg',
      haproxy('balance leastconn', ['', '', '', ' backup']),
      [],
    ],
    ['nginx round robin', 'nginx.conf', nginx(''), []],
    [
      'nginx hash $request_uri consistent',
      'nginx.conf',
      nginx('hash $request_uri consistent;'),
      [],
    ],
  ])('%s: every profile holds, exit 0', async (_, name, config, args) => {
    needs(
      name.endsWith('.cfg') ? 'haproxy' : 'nginx',
      '-v',
      name.endsWith('.cfg') ? 'haproxy' : 'nginx-light',
    );
    const run = await testLb(name, config, args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/with|client addresses/);
    expect(run.stderr.match(/holds/g)).toHaveLength(4);
  });

  it('haproxy balance source with 1 client: exit 1 naming the pinned server and the setting', async () => {
    needs('haproxy', '-v', 'haproxy');
    const run = await testLb('lb.cfg', haproxy('balance source'), ['--clients', '1']);
    expect(run.code, run.stderr).toBe(1);
    const fired = alerts(run);
    expect(fired.length).toBeGreaterThanOrEqual(1);
    const [first] = fired;
    expect(first).toMatchObject({ rule: 'share-skew', cause: 'load-balancer' });
    expect(first!.servers).toHaveLength(1);
    const pinned = first!.servers[0]!;
    expect(first!.message).toBe(
      `with 1 client address, ${pinned} gets 100% of requests (expected 25%): \`balance source\` (line 25) pins each client to one server`,
    );
    // the many-clients profiles hold: it is the few clients that balance source pins
    expect(run.stderr).toMatch(new RegExp(`1 client address .*SKEWED: ${pinned}`));
    expect(run.stderr).toMatch(/200 client addresses, a new connection each request.*holds/);
  });

  it('haproxy balance first: exit 1 naming web1', async () => {
    needs('haproxy', '-v', 'haproxy');
    const run = await testLb(
      'lb.cfg',
      haproxy('balance first', [' maxconn 100', ' maxconn 100', ' maxconn 100', ' maxconn 100']),
    );
    expect(run.code, run.stderr).toBe(1);
    const fired = alerts(run);
    expect(fired).toHaveLength(4);
    for (const a of fired) {
      expect(a.servers).toEqual(['web1']);
      expect(a.message).toMatch(
        /web1 gets 100% of requests \(expected 25%\): `balance first` \(line 25\)/,
      );
    }
  });

  it('a weight typo (web3 weight 10 for 1) is caught by --expect: exit 1 naming the line', async () => {
    needs('haproxy', '-v', 'haproxy');
    const typo = haproxy('balance roundrobin', ['', '', ' weight 10', '']);
    const intended = await testLb('lb.cfg', typo);
    // the configuration's own weights hold: the typo is only a typo against the design
    expect(intended.code, intended.stderr).toBe(0);
    const run = await testLb('lb.cfg', typo, ['--expect', 'web1=1,web2=1,web3=1,web4=1']);
    expect(run.code, run.stderr).toBe(1);
    const [first] = alerts(run);
    expect(first!.servers).toEqual(['web3']);
    expect(first!.message).toMatch(
      /web3 gets 7\d% of requests \(expected 25%\): the configuration gives web3 weight 10 \(line 29\); --expect says 1$/,
    );
  });

  it('nginx ip_hash with 3 clients: exit 1, the many-clients profiles hold', async () => {
    needs('nginx', '-v', 'nginx-light');
    const run = await testLb('nginx.conf', nginx('ip_hash;'));
    expect(run.code, run.stderr).toBe(1);
    const fired = alerts(run);
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired[0]!.message).toMatch(
      /^with 3 client addresses, .*: `ip_hash` \(line 10\) pins each client to one server$/,
    );
    expect(run.stderr).toMatch(/200 client addresses, a new connection each request.*holds/);
  });

  it.each([
    ['haproxy', 'lb.cfg', haproxy('balance roundrobinn'), /\[lb\.cfg:25\] : balance only supports/],
    ['nginx', 'nginx.conf', nginx('least_con;'), /unknown directive "least_con" in nginx\.conf:10/],
  ])(
    'a broken %s config: exit 2 with the balancer’s own message and line',
    async (kind, name, config, said) => {
      needs(kind, '-v', kind === 'nginx' ? 'nginx-light' : kind);
      const run = await testLb(name, config);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(`skewboard test-lb: `);
      expect(run.stderr).toMatch(`${kind} refused to start`);
      expect(run.stderr).toMatch(said);
      expect(run.stderr).not.toMatch(/skewboard-test-lb-/);
    },
  );

  it('a backend that is not there: exit 2 listing those that are', async () => {
    const run = await testLb('lb.cfg', haproxy('balance roundrobin'), ['--backend', 'api']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no backend "api" with servers \(there are: web\)/);
  });

  it('a balancer that is not installed: exit 2 saying which package to install', async () => {
    const dir = await tempDir();
    later(() => dir.remove());
    const file = join(dir.path, 'nginx.conf');
    await writeFile(file, nginx(''));
    // a PATH without nginx on it
    const run = spawnSync(process.execPath, [BIN, 'test-lb', file, '--requests', '20'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: dir.path },
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/nginx is not installed .*apt-get install nginx-light/);
  });
});
