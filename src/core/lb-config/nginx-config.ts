/**
 * Reads an nginx configuration far enough to test one upstream: which one the default server
 * proxies to, its servers and weights and how it balances.
 */
import type { Balancing, BalancedBackend, LbServer } from './balanced-backend';
import { LbConfigError } from './lb-config-error';
import { parseNginx, type NginxDirective } from './nginx-directives';

/** The `http` block's directives, where upstreams and servers live. */
export function httpBlock(top: NginxDirective[]): NginxDirective[] {
  const http = top.find((d) => d.name === 'http' && d.block);
  if (!http) throw new LbConfigError(0, 'no http { } block: test-lb tests HTTP upstreams');
  return http.block!;
}

const upstreams = (http: NginxDirective[]) => http.filter((d) => d.name === 'upstream' && d.block);

/** Every `proxy_pass` under a directive, depth first. */
function proxyPasses(d: NginxDirective): NginxDirective[] {
  const own = d.name === 'proxy_pass' ? [d] : [];
  return [...own, ...(d.block ?? []).flatMap(proxyPasses)];
}

/** `http://app/path` → `app`. */
export const passTarget = (url: string) => url.replace(/^[a-z]+:\/\//, '').split('/')[0]!;

/** The upstream to test: the one named, the only one, or the one the default server proxies to. */
export function chooseUpstream(http: NginxDirective[], named?: string): NginxDirective {
  const all = upstreams(http);
  const names = all.map((u) => u.args[0]).join(', ') || 'none';
  if (named !== undefined) {
    const found = all.find((u) => u.args[0] === named);
    if (!found) throw new LbConfigError(0, `no upstream "${named}" (there are: ${names})`);
    return found;
  }
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new LbConfigError(0, 'no upstream block');
  const servers = http.filter((d) => d.name === 'server' && d.block);
  const isDefault = (s: NginxDirective) =>
    s.block!.some((d) => d.name === 'listen' && d.args.includes('default_server'));
  const preferred = [...servers.filter(isDefault), ...servers.filter((s) => !isDefault(s))];
  for (const server of preferred) {
    // the catch-all location first: `/api/` going elsewhere does not make that the site's upstream
    const root = server.block!.filter((d) => d.name === 'location' && d.args.join(' ') === '/');
    for (const pass of [...root.flatMap(proxyPasses), ...proxyPasses(server)]) {
      const found = all.find((u) => u.args[0] === passTarget(pass.args[0] ?? ''));
      if (found) return found;
    }
  }
  throw new LbConfigError(
    0,
    `several upstreams and no server proxying to one: name one with --backend (there are: ${names})`,
  );
}

/** `weight=3` → 3; the value of a `name=value` server parameter. */
const param = (args: string[], name: string) =>
  args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

function serversOf(upstream: NginxDirective): LbServer[] {
  const list = upstream.block!.filter((d) => d.name === 'server');
  const hosts = list.map(
    (d) =>
      (d.args[0] ?? '')
        .replace(/^unix:/, '')
        .split(':')[0]!
        .split('.')[0]!,
  );
  const unique = new Set(hosts).size === hosts.length;
  return list.map((d, i) => {
    const raw = param(d.args, 'weight');
    const weight = raw !== undefined && /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
    return {
      // `web1` of web1.prod.internal:8080, unless two servers share it
      name: unique && hosts[i] !== '' ? hosts[i]! : (d.args[0] ?? `server${i + 1}`),
      address: d.args[0] ?? '',
      line: d.line,
      weight,
      standby: d.args.includes('backup') || d.args.includes('down'),
    };
  });
}

function balancingOf(upstream: NginxDirective): Balancing {
  const method = upstream.block!.find((d) =>
    ['ip_hash', 'hash', 'least_conn', 'random', 'least_time', 'sticky'].includes(d.name),
  );
  if (!method) {
    return {
      setting: 'weighted round robin (the default)',
      line: null,
      pinsClients: false,
      fillsFirst: false,
    };
  }
  const key = method.args[0] ?? '';
  const arg = /^\$arg_(\w+)$/.exec(key);
  return {
    setting: [method.name, ...method.args].join(' '),
    line: method.line,
    pinsClients:
      method.name === 'ip_hash' ||
      (method.name === 'hash' && /^\$(binary_)?remote_addr$/.test(key)),
    fillsFirst: false,
    ...(arg ? { urlParam: arg[1]! } : {}),
  };
}

/** The upstream under test, read from the text; throws LbConfigError naming what is missing. */
export function readNginxUpstream(text: string, named?: string): BalancedBackend {
  const upstream = chooseUpstream(httpBlock(parseNginx(text)), named);
  const servers = serversOf(upstream);
  if (servers.length === 0)
    throw new LbConfigError(upstream.line, `upstream ${upstream.args[0]} has no servers`);
  return { kind: 'nginx', name: upstream.args[0] ?? '', servers, balancing: balancingOf(upstream) };
}
