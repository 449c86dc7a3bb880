/**
 * An nginx configuration rewritten to run here: the upstream under test kept with its balancing
 * settings and its servers pointed at stubs, one server block on a loopback port proxying to
 * it, and everything that would reach off this machine or outside the private directory
 * (listens, TLS, logs, includes, user, pid, temp paths, resolvers, other servers) left out.
 */
import type { BalancedBackend, RewritePorts, RewrittenConfig } from './balanced-backend';
import { chooseUpstream, httpBlock } from './nginx-config';
import { parseNginx, quoteNginx, type NginxDirective } from './nginx-directives';

// http-level directives that log, read other files, reach elsewhere or turn test requests away
const HTTP_DROPPED = new Set([
  'include',
  'access_log',
  'error_log',
  'resolver',
  'resolver_timeout',
  'proxy_bind',
  'limit_req',
  'limit_conn',
  'auth_basic',
  'auth_basic_user_file',
  'auth_request',
  'geoip_country',
  'geoip_city',
  'geoip_org',
  'ssl_certificate',
  'ssl_certificate_key',
  'ssl_trusted_certificate',
  'ssl_client_certificate',
  'ssl_dhparam',
  'ssl_crl',
  'ssl_stapling_file',
  'ssl_session_ticket_key',
  'ssl_password_file',
  'lua_package_path',
]);

const isDroppedHttp = (d: NginxDirective) =>
  HTTP_DROPPED.has(d.name) ||
  d.name.endsWith('_temp_path') ||
  d.name.endsWith('_cache_path') ||
  d.name.startsWith('proxy_ssl_') ||
  d.name === 'server' ||
  d.name === 'upstream';

// upstream server parameters of nginx Plus or about DNS; the stubs need none of them
const SERVER_PARAMS_DROPPED = ['resolve', 'service=', 'route=', 'slow_start=', 'drain'];

const keptServerArgs = (args: string[]) =>
  args
    .slice(1)
    .filter(
      (a) => !SERVER_PARAMS_DROPPED.some((p) => (p.endsWith('=') ? a.startsWith(p) : a === p)),
    );

/**
 * The configuration as test-lb runs it: `backend` (as chosen by readNginxUpstream) with its
 * servers on `ports.stubs`, behind one server block on `ports.front`.
 */
export function rewriteNginx(
  text: string,
  backend: BalancedBackend,
  ports: RewritePorts,
): RewrittenConfig {
  const http = httpBlock(parseNginx(text));
  const upstream = chooseUpstream(http, backend.name);
  const out: string[] = [];
  const lineMap: number[] = [];
  const emit = (depth: number, words: readonly string[], line: number, end = ';') => {
    out.push(`${'  '.repeat(depth)}${words.map(quoteNginx).join(' ')}${end}`);
    lineMap.push(line);
  };
  const close = (depth: number) => {
    out.push(`${'  '.repeat(depth)}}`);
    lineMap.push(0);
  };
  // a copy of a block as written, e.g. a `map` the upstream's `hash` reads
  const copy = (depth: number, d: NginxDirective) => {
    if (!d.block) return emit(depth, [d.name, ...d.args], d.line);
    emit(depth, [d.name, ...d.args], d.line, ' {');
    for (const inner of d.block) copy(depth + 1, inner);
    close(depth);
  };
  emit(0, ['worker_processes', '1'], 0);
  emit(0, ['pid', `${ports.dir}/nginx.pid`], 0);
  emit(0, ['error_log', 'stderr', 'error'], 0);
  emit(0, ['events'], 0, ' {');
  emit(1, ['worker_connections', '1024'], 0);
  close(0);
  emit(0, ['http'], 0, ' {');
  emit(1, ['access_log', 'off'], 0);
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    emit(1, [`${temp}_temp_path`, `${ports.dir}/${temp}`], 0);
  }
  for (const d of http) if (!isDroppedHttp(d)) copy(1, d);
  emit(1, ['upstream', backend.name], upstream.line, ' {');
  let stub = 0;
  for (const d of upstream.block!) {
    if (d.name === 'server')
      emit(2, ['server', `127.0.0.1:${ports.stubs[stub++]}`, ...keptServerArgs(d.args)], d.line);
    else if (d.name !== 'resolver' && d.name !== 'resolver_timeout') copy(2, d);
  }
  close(1);
  emit(1, ['server'], 0, ' {');
  emit(2, ['listen', `127.0.0.1:${ports.front}`], 0);
  emit(2, ['location', '/'], 0, ' {');
  emit(3, ['proxy_pass', `http://${backend.name}`], 0);
  close(2);
  close(1);
  close(0);
  return { text: `${out.join('\n')}\n`, lineMap };
}
