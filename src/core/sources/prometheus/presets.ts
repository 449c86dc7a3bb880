/**
 * The PromQL each preset asks Prometheus, and the labels that name a server and its pool.
 * Counters are queried raw and differenced between polls (see poll-frame.ts), not through
 * increase(): that gives whole requests, with no extrapolation and no range that must hold
 * two scrapes.
 */

/** What a poll asks for; requests is needed, the rest are shown when a preset has them. */
export type QueryName =
  | 'requests'
  | 'errors'
  | 'weight'
  | 'up'
  | 'latencyMean'
  | 'latencyP50'
  | 'latencyP95'
  | 'latencyP99';

/** Every query a preset may have, in the order they are asked and listed. */
export const QUERY_NAMES: readonly QueryName[] = [
  'requests',
  'errors',
  'weight',
  'up',
  'latencyMean',
  'latencyP50',
  'latencyP95',
  'latencyP99',
];

/**
 * What latency a preset's series give: one mean (p50 = p95 = p99 = it), quantiles of a
 * histogram, or none (every frame's latencyMs is null). Meant for `hello` to say.
 */
export type LatencyKind = 'mean' | 'quantiles' | 'none';

/** How one kind of exporter's series become servers and figures. */
export interface PromPreset {
  /** what --preset takes, or for --queries the file's name (`--queries q.json`) */
  name: string;
  /** the label naming the server within its pool */
  serverLabel: string;
  /** the label naming the pool; the server id is `pool/server` */
  poolLabel: string;
  /**
   * counters: requests and errors; gauges: weight, up (1 or 0), latencyMean or latencyP50,
   * latencyP95 and latencyP99 (all three), in `latencyUnit`
   */
  queries: { requests: string } & Partial<Record<Exclude<QueryName, 'requests'>, string>>;
  latency: LatencyKind;
  latencyUnit: 'seconds' | 'milliseconds';
  /** why a preset without latency has none, said at startup */
  noLatencyWhy?: string;
  /** said after "the X query came back empty": what the series need to exist */
  emptyHints?: Partial<Record<QueryName, string>>;
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
  latency: 'mean',
  latencyUnit: 'seconds',
};

const PER_ENDPOINT_STATS =
  'Envoy exports per-endpoint series only for a cluster with per_endpoint_stats: true' +
  ' (in its track_cluster_stats)';

/**
 * Envoy's own /stats/prometheus, per upstream endpoint. rq_error counts 5xx answers. Envoy
 * keeps no per-endpoint latency (its histograms are per cluster) nor weight, so latency is
 * null and every endpoint of a cluster is expected to take an equal share.
 */
export const ENVOY_PRESET: PromPreset = {
  name: 'envoy',
  serverLabel: 'envoy_endpoint_address',
  poolLabel: 'envoy_cluster_name',
  queries: {
    requests:
      'sum by (envoy_cluster_name, envoy_endpoint_address) (envoy_cluster_endpoint_rq_total)',
    errors: 'sum by (envoy_cluster_name, envoy_endpoint_address) (envoy_cluster_endpoint_rq_error)',
  },
  latency: 'none',
  latencyUnit: 'seconds',
  noLatencyWhy: 'Envoy times requests per cluster, not per endpoint',
  emptyHints: { requests: PER_ENDPOINT_STATS, errors: PER_ENDPOINT_STATS },
};

// Istio's default scrape interval is 15s: 1m holds four scrapes, so rate() has the two
// samples it needs even with a scrape missed; a range holding fewer than two gives no rate,
// and every quantile would be empty
const ISTIO_LATENCY_WINDOW = '1m';

// the server side's own report (reporter="destination") names the pod that answered: the
// pod label Prometheus' kubernetes_sd relabelling puts on the sidecar it scraped
const istioQuantile = (q: number) =>
  `histogram_quantile(${q}, sum by (le, destination_workload, pod) ` +
  `(rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[${ISTIO_LATENCY_WINDOW}])))`;

const POD_LABEL =
  'the series need a pod label (Prometheus kubernetes_sd relabelling of __meta_kubernetes_pod_name' +
  " to pod, as in Istio's sample Prometheus); another name needs --queries";

/**
 * Istio's standard metrics, as reported by the destination's sidecar, per pod of a workload
 * (one Deployment: pods meant to take equal shares). Latency is histogram_quantile over the
 * request-duration histogram, in milliseconds; no weight series, so shares are equal.
 */
export const ISTIO_PRESET: PromPreset = {
  name: 'istio',
  serverLabel: 'pod',
  poolLabel: 'destination_workload',
  queries: {
    requests: 'sum by (destination_workload, pod) (istio_requests_total{reporter="destination"})',
    // a pod that never answered 5xx has no such series: 0 from its request series instead
    errors:
      'sum by (destination_workload, pod) (istio_requests_total{reporter="destination",response_code=~"5.."})' +
      ' or 0 * sum by (destination_workload, pod) (istio_requests_total{reporter="destination"})',
    latencyP50: istioQuantile(0.5),
    latencyP95: istioQuantile(0.95),
    latencyP99: istioQuantile(0.99),
  },
  latency: 'quantiles',
  latencyUnit: 'milliseconds',
  emptyHints: {
    requests: POD_LABEL,
    latencyP50: `empty while no request was answered in the last ${ISTIO_LATENCY_WINDOW}`,
    latencyP95: `empty while no request was answered in the last ${ISTIO_LATENCY_WINDOW}`,
    latencyP99: `empty while no request was answered in the last ${ISTIO_LATENCY_WINDOW}`,
  },
};

/**
 * What `hello.latency` says for a preset: "mean" when a mean is all it has (p50 = p95 = p99 =
 * it in the frames). A preset with none carries no latency in its frames, and "quantiles", the
 * protocol's default, misnames nothing.
 */
export const presetLatency = (preset: PromPreset): 'mean' | 'quantiles' =>
  preset.latency === 'mean' ? 'mean' : 'quantiles';

/** Presets by the name `--preset` takes. */
export const PRESETS: Readonly<Record<string, PromPreset>> = {
  haproxy: HAPROXY_PRESET,
  envoy: ENVOY_PRESET,
  istio: ISTIO_PRESET,
};

/** The queries of a preset, in a fixed order. */
export const presetQueries = (preset: PromPreset): [QueryName, string][] =>
  QUERY_NAMES.flatMap((name) => {
    const q = preset.queries[name];
    return q === undefined ? [] : [[name, q] as [QueryName, string]];
  });

// "preset envoy", or for --queries the flag and file ("--queries q.json")
const which = (preset: PromPreset) =>
  PRESETS[preset.name] === preset ? `preset ${preset.name}` : preset.name;

/** The once-only warning for a query that stayed empty: which, what it needs, and its PromQL. */
export function emptyQueryWarning(preset: PromPreset, name: QueryName): string {
  const hint = preset.emptyHints?.[name];
  return (
    `prometheus source: ${which(preset)}: the ${name} query came back empty` +
    ` (no series with labels ${preset.poolLabel} and ${preset.serverLabel})` +
    `${hint ? `; ${hint}` : ''}: ${preset.queries[name]}`
  );
}

/** Said at startup for a preset without latency, so a page without it is not taken for a fault. */
export function latencyNotice(preset: PromPreset): string | undefined {
  if (preset.latency !== 'none') return undefined;
  return (
    `prometheus source: ${which(preset)} has no latency query` +
    `${preset.noLatencyWhy ? ` (${preset.noLatencyWhy})` : ''}: no latency from this source,` +
    " every frame's latencyMs is null and the latency rule cannot fire"
  );
}
