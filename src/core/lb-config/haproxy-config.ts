/**
 * Reads an HAProxy configuration far enough to test one backend: its sections, which backend
 * the default frontend uses, that backend's servers and weights and how it balances.
 */
import type { Balancing, BalancedBackend, LbServer } from './balanced-backend';
import { haproxyLines, type ConfigLine } from './haproxy-words';
import { LbConfigError } from './lb-config-error';

/** The keywords that open a section (configuration manual, chapters 3 to 12). */
export const SECTION_KEYWORDS = new Set([
  'global',
  'defaults',
  'frontend',
  'backend',
  'listen',
  'resolvers',
  'peers',
  'mailers',
  'userlist',
  'cache',
  'program',
  'http-errors',
  'ring',
  'log-forward',
  'fcgi-app',
  'crt-store',
  'traces',
]);

/** One section: its opening line and the lines under it. */
export interface HaproxySection {
  keyword: string;
  name: string;
  line: number;
  body: ConfigLine[];
}

export function haproxySections(text: string): HaproxySection[] {
  const sections: HaproxySection[] = [];
  for (const l of haproxyLines(text)) {
    const [first, second] = l.words;
    if (SECTION_KEYWORDS.has(first!)) {
      sections.push({ keyword: first!, name: second ?? '', line: l.line, body: [] });
    } else if (sections.length === 0) {
      throw new LbConfigError(
        l.line,
        `"${first}" before any section (global, defaults, backend...)`,
      );
    } else {
      sections.at(-1)!.body.push(l);
    }
  }
  return sections;
}

const isProxyWithServers = (s: HaproxySection) =>
  (s.keyword === 'backend' || s.keyword === 'listen') &&
  s.body.some((l) => l.words[0] === 'server' || l.words[0] === 'server-template');

/** The backend to test: the one named, the only one, or the one the default frontend uses. */
export function chooseHaproxyBackend(sections: HaproxySection[], named?: string): HaproxySection {
  const candidates = sections.filter(isProxyWithServers);
  const names = candidates.map((s) => s.name).join(', ') || 'none';
  if (named !== undefined) {
    const found = candidates.find((s) => s.name === named);
    if (!found)
      throw new LbConfigError(0, `no backend "${named}" with servers (there are: ${names})`);
    return found;
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0)
    throw new LbConfigError(0, 'no backend or listen section with servers');
  const used = sections
    .filter((s) => s.keyword === 'frontend')
    .flatMap((s) => s.body.filter((l) => l.words[0] === 'default_backend').map((l) => l.words[1]));
  const found = candidates.find((s) => s.name === used[0]);
  if (!found) {
    throw new LbConfigError(
      0,
      `several backends and no default frontend using one: name one with --backend (there are: ${names})`,
    );
  }
  return found;
}

/** The `defaults` section a proxy takes its defaults from: the last one above it. */
export function defaultsOf(
  sections: HaproxySection[],
  proxy: HaproxySection,
): HaproxySection | undefined {
  const above = sections.slice(0, sections.indexOf(proxy));
  return above.filter((s) => s.keyword === 'defaults').at(-1);
}

/** `1-4` in `server-template web 1-4 ...`, or `4` for 1-4. */
function templateRange(spec: string, line: number): [number, number] {
  const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(spec);
  if (!m)
    throw new LbConfigError(line, `server-template: expected a number or a range, got "${spec}"`);
  const [lo, hi] = m[2] === undefined ? [1, Number(m[1])] : [Number(m[1]), Number(m[2])];
  if (hi < lo || hi - lo > 255)
    throw new LbConfigError(line, `server-template: range ${spec} is not 1 to 256 servers`);
  return [lo, hi];
}

/** A server line as the servers it declares: one, or one per number of a server-template. */
export function expandServers(
  l: ConfigLine,
): { name: string; address: string; params: string[] }[] {
  const [keyword, ...rest] = l.words;
  if (keyword === 'server') {
    const [name, address, ...params] = rest;
    if (name === undefined || address === undefined) {
      throw new LbConfigError(l.line, 'server needs a name and an address');
    }
    return [{ name, address, params }];
  }
  const [prefix, range, address, ...params] = rest;
  if (prefix === undefined || range === undefined || address === undefined) {
    throw new LbConfigError(l.line, 'server-template needs a prefix, a number and an address');
  }
  const [lo, hi] = templateRange(range, l.line);
  return Array.from({ length: hi - lo + 1 }, (_, i) => ({
    name: `${prefix}${lo + i}`,
    address,
    params,
  }));
}

function weightOf(params: string[], line: number, fallback: number): number {
  const i = params.indexOf('weight');
  if (i < 0) return fallback;
  const raw = params[i + 1] ?? '';
  const w = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  // HAProxy itself refuses it and names the line; this only keeps the plan sane meanwhile
  return Number.isNaN(w) || w > 256 ? fallback : w;
}

function serversOf(proxy: HaproxySection, defaults: HaproxySection | undefined): LbServer[] {
  const defaultParams = [...(defaults?.body ?? []), ...proxy.body]
    .filter((l) => l.words[0] === 'default-server')
    .flatMap((l) => l.words.slice(1));
  const defaultWeight = weightOf(defaultParams, 0, 1);
  return proxy.body
    .filter((l) => l.words[0] === 'server' || l.words[0] === 'server-template')
    .flatMap((l) =>
      expandServers(l).map((s) => ({
        name: s.name,
        address: s.address,
        line: l.line,
        weight: weightOf(s.params, l.line, defaultWeight),
        standby: s.params.includes('backup') || s.params.includes('disabled'),
      })),
    );
}

function balancingOf(proxy: HaproxySection, defaults: HaproxySection | undefined): Balancing {
  const last = (s: HaproxySection | undefined, keyword: string) =>
    s?.body.filter((l) => l.words[0] === keyword).at(-1);
  const balance = last(proxy, 'balance') ?? last(defaults, 'balance');
  const algorithm = balance?.words[1] ?? 'roundrobin';
  const stickOnSource = proxy.body.some(
    (l) => (l.words[0] === 'stick' && l.words[2] === 'src') || l.words.includes('track-sc0'),
  );
  return {
    setting: balance ? balance.words.join(' ') : 'balance roundrobin (the default)',
    line: balance?.line ?? null,
    pinsClients: algorithm === 'source' || stickOnSource,
    fillsFirst: algorithm === 'first',
    ...(algorithm === 'url_param' && balance?.words[2] ? { urlParam: balance.words[2] } : {}),
  };
}

/** The backend under test, read from the text; throws LbConfigError naming what is missing. */
export function readHaproxyBackend(text: string, named?: string): BalancedBackend {
  const sections = haproxySections(text);
  const proxy = chooseHaproxyBackend(sections, named);
  const defaults = defaultsOf(sections, proxy);
  const servers = serversOf(proxy, defaults);
  const seen = new Set<string>();
  for (const s of servers) {
    if (seen.has(s.name)) throw new LbConfigError(s.line, `server ${s.name} is declared twice`);
    seen.add(s.name);
  }
  return { kind: 'haproxy', name: proxy.name, servers, balancing: balancingOf(proxy, defaults) };
}
