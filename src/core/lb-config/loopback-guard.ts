/**
 * The last word before a load balancer starts: every address left in the rewritten
 * configuration is on 127.0.0.0/8 or is a local socket file, or it does not start. Checked on
 * the text the balancer will read, not on the rewriter's intentions, so a rewriter bug that
 * leaves `server web1 10.0.0.5:80` is refused, not run.
 */
import type { RewrittenConfig } from './balanced-backend';
import { haproxyLines } from './haproxy-words';
import { LbConfigError } from './lb-config-error';
import { parseNginx, type NginxDirective } from './nginx-directives';
import { passTarget } from './nginx-config';

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** `127.x.y.z` or `127.x.y.z:port`, with HAProxy's optional `ipv4@`/`tcp@` family prefix. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^(ipv4|tcp|tcp4|udp|udp4)@/, '');
  const colon = bare.lastIndexOf(':');
  const host = colon < 0 ? bare : bare.slice(0, colon);
  const port = colon < 0 ? '' : bare.slice(colon + 1);
  if (port !== '' && !/^\d{1,5}(-\d{1,5})?$/.test(port)) return false;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => OCTET.test(o));
}

/** A socket file or an abstract socket of this machine. */
const isLocalSocket = (address: string) =>
  address.startsWith('/') ||
  address.startsWith('unix@') ||
  address.startsWith('abns@') ||
  address.startsWith('unix:/');

const isLocal = (address: string) => isLoopbackAddress(address) || isLocalSocket(address);

// HAProxy keywords whose first value is an address
const HAPROXY_ADDRESS_AT: Record<string, number> = {
  bind: 1,
  server: 2,
  'server-template': 3,
  source: 1,
  dispatch: 1,
  nameserver: 2,
  peer: 2,
  mailer: 2,
};
// settings, anywhere on a line, whose value is an address
const HAPROXY_ADDRESS_PARAMS = new Set(['addr', 'agent-addr', 'source', 'usesrc', 'socks4']);
// what no test may run: name resolution, programs and scripts that open their own sockets
const HAPROXY_REFUSED = new Set([
  'resolvers',
  'external-check',
  'lua-load',
  'lua-load-per-thread',
  'program',
  'command',
]);

/** Where the rewritten line came from, for a message. */
function origin(config: RewrittenConfig, rewrittenLine: number): number {
  return config.lineMap[rewrittenLine - 1] ?? 0;
}

function refuse(config: RewrittenConfig, rewrittenLine: number, what: string): never {
  const line = origin(config, rewrittenLine);
  const where = line > 0 ? '' : ` (line ${rewrittenLine} of the rewritten configuration)`;
  throw new LbConfigError(
    line,
    `refusing to start: ${what}${where}; only 127.0.0.0/8 and local files may be used`,
  );
}

/** Throws LbConfigError naming the line of the first address off loopback. */
export function guardHaproxy(config: RewrittenConfig): void {
  for (const { line, words } of haproxyLines(config.text)) {
    const [keyword] = words;
    if (HAPROXY_REFUSED.has(keyword!) || words.some((w) => /^(do-resolve|set-dst)\b/.test(w))) {
      refuse(config, line, `"${words.join(' ')}" could reach another machine`);
    }
    const at = HAPROXY_ADDRESS_AT[keyword!];
    const checked: string[] = [];
    if (at !== undefined && words[at] !== undefined) checked.push(...words[at]!.split(','));
    if (keyword === 'stats' && words[1] === 'socket' && words[2]) checked.push(words[2]);
    if (keyword === 'log' && words[1] && words[1] !== 'global') checked.push(words[1]);
    for (let i = 1; i < words.length - 1; i++) {
      if (HAPROXY_ADDRESS_PARAMS.has(words[i]!)) checked.push(words[i + 1]!);
    }
    for (const address of checked) {
      if (!isLocal(address))
        refuse(config, line, `${keyword} address ${address} is not on loopback`);
    }
  }
}

/** Throws LbConfigError naming the line of the first address off loopback. */
export function guardNginx(config: RewrittenConfig): void {
  const top = parseNginx(config.text);
  const upstreamNames = new Set<string>();
  const collect = (list: NginxDirective[]) => {
    for (const d of list) {
      if (d.name === 'upstream' && d.args[0]) upstreamNames.add(d.args[0]);
      if (d.block) collect(d.block);
    }
  };
  collect(top);
  const walk = (list: NginxDirective[], parent: string) => {
    for (const d of list) {
      const first = d.args[0] ?? '';
      if (
        d.name === 'resolver' ||
        d.name === 'include' ||
        d.name === 'load_module' ||
        d.name.startsWith('perl')
      ) {
        refuse(config, d.line, `"${d.name}" is not allowed in a test run`);
      }
      if (d.name === 'listen' && !isLocal(first))
        refuse(config, d.line, `listen ${first} is not on loopback`);
      if (d.name === 'server' && parent === 'upstream' && !isLocal(first)) {
        refuse(config, d.line, `upstream server ${first} is not on loopback`);
      }
      if (d.name.endsWith('_pass') || d.name === 'proxy_bind') {
        const target = passTarget(first);
        if (!upstreamNames.has(target) && !isLocal(target))
          refuse(config, d.line, `${d.name} ${first} is not on loopback`);
      }
      if ((d.name === 'error_log' || d.name === 'access_log') && first.startsWith('syslog:')) {
        refuse(config, d.line, `${d.name} ${first} sends logs over the network`);
      }
      if (d.block) walk(d.block, d.name);
    }
  };
  walk(top, '');
}
