/**
 * One line per alert, with the numbers an on-call engineer needs first: "app-04, app-07 get
 * 2.2x their weighted share; their p95 is 30x the pool's: load balancer" ("their mean latency"
 * when the source only knows a mean).
 */
import { latencyWords } from '../format/latency-words';
import type { LatencyKind } from '../protocol/protocol';
import type { AlertCause, AlertRule } from './alert';
import { median, type PoolMetrics, type ServerMetrics } from './metrics';

const CAUSE: Record<AlertCause, string> = {
  'load-balancer': 'load balancer',
  backend: 'backend',
  capacity: 'capacity',
  unknown: 'cause unknown',
};

const RULE: Record<AlertRule, string> = {
  'share-skew': 'share skew',
  latency: 'high latency',
  errors: 'high error rate',
  'server-down': 'server down',
};

// a p95 this far above the pool's is worth a clause in a share-skew message
const NOTABLE_P95 = 1.5;

/** What the detector knows when an alert fires. */
export interface MessageInput {
  rule: AlertRule;
  named: readonly string[];
  cause: AlertCause;
  pool: PoolMetrics;
  /** say which pool: only worth it when there is more than one */
  showPool: boolean;
  /** the source's `hello.latency`: a mean is not called a p95; absent = quantiles */
  latency?: LatencyKind;
}

export function firingMessage(x: MessageInput): string {
  const named = new Set(x.named);
  const members = x.pool.servers.filter((s) => named.has(s.id));
  const serving = x.pool.servers.filter((s) => s.up && s.requests > 0);
  const rest = serving.filter((s) => !named.has(s.id));
  const g = grammar(x.named);
  const who = serversLabel(x.named, x.pool);
  const sharePart = `${g.get} ${times(members.map((s) => s.shareRatio))} ${g.their} weighted share`;
  const overShared = members.every((s) => s.shareRatio > 1);
  const figure = latencyWords(x.latency).figure;
  let body: string;
  switch (x.rule) {
    case 'share-skew': {
      if (members.some((s) => s.expected === 0)) {
        body = `${g.who} ${g.get} ${percent(members.map((s) => s.requests / x.pool.requests))} of the requests at weight 0`;
      } else if (overShared) {
        const p95 = p95Ratios(members, rest);
        const slow = p95.length > 0 && median(p95) >= NOTABLE_P95;
        body = `${g.who} ${sharePart}${slow ? `; ${g.their} ${figure} is ${times(p95)} the pool's` : ''}`;
      } else {
        body = `${g.who} ${g.get} only ${times(members.map((s) => s.shareRatio))} ${g.their} weighted share`;
      }
      break;
    }
    case 'latency': {
      const p95s = members.flatMap((s) => (s.p95 === null ? [] : [s.p95]));
      const restP95 = median(rest.flatMap((s) => (s.p95 === null ? [] : [s.p95])));
      body = Number.isNaN(restP95)
        ? `${figure} of ${who} is ${ms(p95s)}`
        : `${figure} of ${g.who} is ${times(p95Ratios(members, rest))} the pool's (${ms(p95s)} vs ${ms([restP95])})`;
      if (x.cause === 'load-balancer') body += `; ${g.they} ${sharePart}`;
      break;
    }
    case 'errors': {
      const rates = members.map((s) => s.errorRate);
      const restRequests = rest.reduce((sum, s) => sum + s.requests, 0);
      const restRate = rest.reduce((sum, s) => sum + s.errors, 0) / restRequests;
      body =
        restRequests > 0
          ? `${g.who} ${g.fail} ${percent(rates)} of requests, the pool ${percent([restRate])}`
          : `${who} ${g.fail} ${percent(rates)} of requests`;
      if (x.cause === 'load-balancer') body += `; ${g.they} ${sharePart}`;
      break;
    }
    case 'server-down':
      body = `${g.who} ${g.is} down (failing health checks)`;
      break;
  }
  return `${prefix(x)}${body}: ${CAUSE[x.cause]}`;
}

/** "all 10 servers" when every serving server of the pool is named, else their ids. */
export function serversLabel(named: readonly string[], pool: PoolMetrics): string {
  const serving = pool.servers.filter((s) => s.up && s.requests > 0);
  const ids = new Set(named);
  const everyone = named.length > 2 && serving.every((s) => ids.has(s.id));
  return everyone ? `all ${named.length} servers` : named.join(', ');
}

export interface ResolvedInput {
  rule: AlertRule;
  /** serversLabel() when it fired */
  who: string;
  pool: string;
  showPool: boolean;
  /** how long it fired */
  forMs: number;
}

export function resolvedMessage(x: ResolvedInput): string {
  const where = x.showPool ? `${poolName(x.pool)}: ` : '';
  return `${where}${RULE[x.rule]} on ${x.who} recovered after ${duration(x.forMs)}`;
}

const poolName = (pool: string) => (pool === '' ? 'default pool' : pool);
const prefix = (x: MessageInput) => (x.showPool ? `${poolName(x.pool.pool)}: ` : '');

function grammar(named: readonly string[]) {
  const one = named.length === 1;
  return {
    who: named.join(', '),
    get: one ? 'gets' : 'get',
    fail: one ? 'fails' : 'fail',
    is: one ? 'is' : 'are',
    their: one ? 'its' : 'their',
    they: one ? 'it' : 'they',
  };
}

// each server's p95 over the median p95 of the servers not named
function p95Ratios(members: ServerMetrics[], rest: ServerMetrics[]): number[] {
  const base = median(rest.flatMap((s) => (s.p95 === null ? [] : [s.p95])));
  if (!(base > 0)) return [];
  return members.flatMap((s) => (s.p95 === null ? [] : [s.p95 / base]));
}

/** "2.2x", or "2.1-2.3x" when the servers differ. */
export function times(values: readonly number[]): string {
  return `${range(values, factor)}x`;
}

function factor(x: number): string {
  if (!Number.isFinite(x)) return 'inf';
  if (x >= 10) return String(Math.round(x));
  if (x >= 1) return x.toFixed(1);
  return String(Number(x.toPrecision(1)));
}

/** "450 ms", "2.3 s", "2.3-2.6 s". */
export function ms(values: readonly number[]): string {
  if (values.every((v) => v >= 1000)) return `${range(values, (v) => (v / 1000).toFixed(1))} s`;
  return `${range(values, (v) => String(Math.round(v)))} ms`;
}

/** "12%", "0.1%", "27-31%". */
export function percent(values: readonly number[]): string {
  return `${range(values, (v) => {
    const p = v * 100;
    return p >= 10
      ? String(Math.round(p))
      : p >= 1
        ? p.toFixed(1)
        : String(Number(p.toPrecision(1)));
  })}%`;
}

function range(values: readonly number[], format: (v: number) => string): string {
  if (values.length === 0) return '?';
  const lo = format(Math.min(...values));
  const hi = format(Math.max(...values));
  return lo === hi ? lo : `${lo}-${hi}`;
}

/** "45s", "10m 30s", "2h 6m". */
export function duration(totalMs: number): string {
  const s = Math.round(totalMs / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m ${s % 60}s`;
  const m = Math.round(s / 60);
  return m % 60 === 0 ? `${m / 60}h` : `${Math.floor(m / 60)}h ${m % 60}m`;
}
