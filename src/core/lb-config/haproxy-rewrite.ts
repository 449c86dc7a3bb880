/**
 * An HAProxy configuration rewritten to run here: the backend under test kept with its
 * balancing settings, its servers pointed at stubs, one frontend on a loopback port, and
 * everything that would reach off this machine or outside the private directory (binds, TLS,
 * logging, chroot, user, daemon, resolvers, peers, other proxies) left out.
 */
import type { BalancedBackend, RewritePorts, RewrittenConfig } from './balanced-backend';
import {
  chooseHaproxyBackend,
  defaultsOf,
  expandServers,
  haproxySections,
  type HaproxySection,
} from './haproxy-config';
import { quoteWord, type ConfigLine } from './haproxy-words';

// process settings worth keeping from `global`; everything else there is about running as a
// service (daemon, chroot, user, logs, sockets, TLS files) and has no say in balancing
const GLOBAL_KEPT = new Set([
  'maxconn',
  'nbthread',
  'hard-stop-after',
  'setenv',
  'presetenv',
  'resetenv',
  'unsetenv',
  'spread-checks',
  'max-spread-checks',
]);

// a high production maxconn makes HAProxy ask for more file descriptors than a CI runner gives
const MAX_GLOBAL_MAXCONN = 4096;

// proxy lines that log, reach elsewhere, run programs, or would turn test requests away
const PROXY_DROPPED = new Set([
  'log',
  'errorfile',
  'errorloc',
  'errorloc302',
  'errorloc303',
  'email-alert',
  'source',
  'dispatch',
  'external-check',
  'tcp-check',
  'use_backend',
  'default_backend',
  'redirect',
  'filter',
  'server-state-file-name',
  'load-server-state-from-file',
  'monitor',
]);

// health checks that speak another protocol than the stubs' HTTP, or run a program
const CHECK_OPTIONS = new Set([
  'external-check',
  'ssl-hello-chk',
  'mysql-check',
  'pgsql-check',
  'redis-check',
  'smtpchk',
  'ldap-check',
  'spop-check',
  'tcp-check',
]);

// request rules that would answer the test themselves or send it elsewhere
const TURNING_AWAY = new Set([
  'redirect',
  'deny',
  'tarpit',
  'auth',
  'reject',
  'return',
  'set-dst',
  'set-dst-port',
  'do-resolve',
  'use-service',
]);

// server and default-server settings about TLS, addresses, DNS and proxies, with how many
// values each takes; the stubs speak plain HTTP/1.1 on their loopback port
const SERVER_DROPPED = new Map<string, number>([
  ...[
    'ssl',
    'no-ssl',
    'check-ssl',
    'no-check-ssl',
    'send-proxy',
    'send-proxy-v2',
    'send-proxy-v2-ssl',
    'send-proxy-v2-ssl-cn',
    'check-send-proxy',
    'no-send-proxy',
    'no-send-proxy-v2',
    'no-sslv3',
    'no-tlsv10',
    'no-tlsv11',
    'no-tlsv12',
    'no-tlsv13',
    'force-sslv3',
    'force-tlsv10',
    'force-tlsv11',
    'force-tlsv12',
    'force-tlsv13',
    'ssl-reuse',
    'no-ssl-reuse',
    'tls-tickets',
    'no-tls-tickets',
    'agent-check',
    'no-agent-check',
    'allow-0rtt',
    'check-via-socks4',
    'tfo',
  ].map((k): [string, number] => [k, 0]),
  ...[
    'verify',
    'verifyhost',
    'ca-file',
    'crl-file',
    'crt',
    'sni',
    'alpn',
    'npn',
    'check-sni',
    'check-alpn',
    'check-proto',
    'proto',
    'ciphers',
    'ciphersuites',
    'curves',
    'sigalgs',
    'client-sigalgs',
    'ssl-min-ver',
    'ssl-max-ver',
    'resolvers',
    'resolve-prefer',
    'resolve-net',
    'resolve-opts',
    'init-addr',
    'addr',
    'port',
    'source',
    'usesrc',
    'interface',
    'namespace',
    'socks4',
    'agent-addr',
    'agent-port',
    'agent-inter',
    'agent-send',
    'proxy-v2-options',
    'redir',
    'pool-conn-name',
    'check-pool-conn-name',
  ].map((k): [string, number] => [k, 1]),
]);

/** Server settings with those about TLS, addresses, DNS and proxies taken out. */
export function keptServerParams(params: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < params.length; i++) {
    const drop = SERVER_DROPPED.get(params[i]!);
    if (drop === undefined) kept.push(params[i]!);
    else i += drop;
  }
  return kept;
}

/** The rewritten lines for one line of the backend under test (binds aside); [] drops it. */
function backendLines(l: ConfigLine, next: () => number): string[][] {
  const [keyword] = l.words;
  if (keyword === 'server' || keyword === 'server-template') {
    return expandServers(l).map((s) => [
      'server',
      s.name,
      `127.0.0.1:${next()}`,
      ...keptServerParams(s.params),
    ]);
  }
  if (keyword === 'default-server')
    return [['default-server', ...keptServerParams(l.words.slice(1))]];
  if (keyword === 'stick-table') {
    const i = l.words.indexOf('peers');
    return [i < 0 ? l.words : [...l.words.slice(0, i), ...l.words.slice(i + 2)]];
  }
  return keptProxyLine(l.words) ? [l.words] : [];
}

function keptProxyLine(words: readonly string[]): boolean {
  const [keyword, second] = words;
  if (PROXY_DROPPED.has(keyword!)) return false;
  if (keyword === 'option' && CHECK_OPTIONS.has(second!)) return false;
  if (keyword === 'http-check' && (second === 'connect' || second === 'expect')) return false;
  if (keyword === 'http-request' || keyword === 'tcp-request' || keyword === 'http-response') {
    // `do-resolve(txn.ip,dns)`: the action is the part before its arguments
    return !words.slice(1, 4).some((w) => TURNING_AWAY.has(w.split('(')[0]!));
  }
  return true;
}

function globalLine(words: readonly string[]): string[] | null {
  const [keyword, value] = words;
  if (keyword === 'maxconn' && Number(value) > MAX_GLOBAL_MAXCONN)
    return ['maxconn', String(MAX_GLOBAL_MAXCONN)];
  if (GLOBAL_KEPT.has(keyword!)) return [...words];
  // tuning, but not of TLS, which is gone
  if (keyword!.startsWith('tune.') && !keyword!.startsWith('tune.ssl.')) return [...words];
  return null;
}

/** The first `mode` line of a section. */
const modeOf = (s: HaproxySection | undefined) =>
  s?.body.find((l) => l.words[0] === 'mode')?.words[1];

/**
 * The configuration as test-lb runs it: `backend` (as chosen by readHaproxyBackend) with its
 * servers on `ports.stubs`, reached through one frontend on `ports.front`.
 */
export function rewriteHaproxy(
  text: string,
  backend: BalancedBackend,
  ports: RewritePorts,
): RewrittenConfig {
  const sections = haproxySections(text);
  const proxy = chooseHaproxyBackend(sections, backend.name);
  const out: string[] = [];
  const lineMap: number[] = [];
  const emit = (words: readonly string[], line: number, indent = true) => {
    out.push(`${indent ? '  ' : ''}${words.map(quoteWord).join(' ')}`);
    lineMap.push(line);
  };
  const emitGlobalTail = () => {
    // the readiness check asks this socket which servers are up
    emit(['stats', 'socket', `${ports.dir}/admin.sock`, 'mode', '600', 'level', 'admin'], 0);
  };
  if (!sections.some((s) => s.keyword === 'global')) {
    emit(['global'], 0, false);
    emitGlobalTail();
  }
  let stub = 0;
  for (const section of sections) {
    const header = [section.keyword, ...(section.name ? [section.name] : [])];
    if (section.keyword === 'global') {
      emit(header, section.line, false);
      for (const l of section.body) {
        const kept = globalLine(l.words);
        if (kept) emit(kept, l.line);
      }
      emitGlobalTail();
    } else if (section.keyword === 'defaults') {
      emit(header, section.line, false);
      for (const l of section.body) {
        if (l.words[0] === 'default-server')
          emit(['default-server', ...keptServerParams(l.words.slice(1))], l.line);
        else if (keptProxyLine(l.words)) emit(l.words, l.line);
      }
    } else if (section.keyword === 'userlist' || section.keyword === 'cache') {
      emit(header, section.line, false);
      for (const l of section.body) emit(l.words, l.line);
    } else if (section === proxy) {
      const isListen = proxy.keyword === 'listen';
      if (!isListen) {
        emit(['frontend', 'skewboard-test-lb'], 0, false);
        emit(['bind', `127.0.0.1:${ports.front}`], 0);
        const mode = modeOf(proxy) ?? modeOf(defaultsOf(sections, proxy));
        if (mode) emit(['mode', mode], 0);
        emit(['default_backend', proxy.name], 0);
      }
      emit(header, section.line, false);
      // a listen section's binds become one loopback bind, on the line of its first
      let bound = !isListen;
      for (const l of section.body) {
        if (l.words[0] === 'bind') {
          if (!bound) emit(['bind', `127.0.0.1:${ports.front}`], l.line);
          bound = true;
          continue;
        }
        for (const words of backendLines(l, () => ports.stubs[stub++]!)) emit(words, l.line);
      }
      if (!bound) emit(['bind', `127.0.0.1:${ports.front}`], 0);
    }
  }
  return { text: `${out.join('\n')}\n`, lineMap };
}
