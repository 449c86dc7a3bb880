/**
 * The PromQL each preset asks Prometheus, and the labels that name a server and its pool.
 * Counters are queried raw and differenced between polls (see poll-frame.ts), not through
 * increase(): that gives whole requests, with no extrapolation and no range that must hold
 * two scrapes.
 */
import type { LatencyKind } from '../protocol';

/** What a poll asks for; requests is needed, the rest are shown when a preset has them. */
export type QueryName = 'requests' | 'errors' | 'weight' | 'up' | 'latencyMean';

/** How one kind of exporter's series become servers and figures. */
export interface PromPreset {
  name: string;
  /** the label naming the server within its pool */
  serverLabel: string;
  /** the label naming the pool; the server id is `pool/server` */
  poolLabel: string;
  /** counters: requests and errors; gauges: weight, up (1 or 0), latencyMean (seconds) */
  queries: { requests: string } & Partial<Record<Exclude<QueryName, 'requests'>, string>>;
}

/**
 * HAProxy's built-in exporter (checked on HAProxy 2.6). It has no per-server request counter:
 * loadbalanced_total counts the balancer's picks, one per HTTP request. Only a mean latency
 * exists (over the server's last 1024 requests). Aggregated by proxy and server, so one
 * HAProxy scraped twice (two jobs) or two HAProxies are one fleet.
 */
export const HAPROXY_PRESET: PromPreset = {
  name: 'haproxy',
  serverLabel: 'server',
  poolLabel: 'proxy',
  queries: {
    requests: 'sum by (proxy, server) (haproxy_server_loadbalanced_total)',
    errors: 'sum by (proxy, server) (haproxy_server_http_responses_total{code="5xx"})',
    weight: 'max by (proxy, server) (haproxy_server_weight)',
    up: 'max by (proxy, server) (haproxy_server_status{state="UP"})',
    latencyMean: 'avg by (proxy, server) (haproxy_server_response_time_average_seconds)',
  },
};

/**
 * What `hello.latency` says for a preset, from the queries it declares: a latencyMean query is
 * all the latency it has, so "mean" (p50 = p95 = p99 = it in the frames). Without one its
 * frames carry no latency, and "quantiles", the protocol's default, misnames nothing.
 */
export const presetLatency = (preset: PromPreset): LatencyKind =>
  preset.queries.latencyMean !== undefined ? 'mean' : 'quantiles';

/** Presets by the name `--preset` takes. */
export const PRESETS: Readonly<Record<string, PromPreset>> = { haproxy: HAPROXY_PRESET };

/** The queries of a preset, in a fixed order. */
export const presetQueries = (preset: PromPreset): [QueryName, string][] =>
  (['requests', 'errors', 'weight', 'up', 'latencyMean'] as const).flatMap((name) => {
    const q = preset.queries[name];
    return q === undefined ? [] : [[name, q] as [QueryName, string]];
  });
