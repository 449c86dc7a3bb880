/** Prometheus API answers shaped as Prometheus 2.42 gives them for HAProxy 2.6's exporter. */

const series = (name: string, proxy: string, server: string, value: string, extra = {}) => ({
  metric: { __name__: name, proxy, server, instance: '127.0.0.1:8405', job: 'haproxy', ...extra },
  value: [1764693600.123, value],
});

/** An instant-vector answer of `series`. */
export const vectorAnswer = (result: unknown[]) => ({
  status: 'success',
  data: { resultType: 'vector', result },
});

/** The haproxy preset's answers for backend "app" with web1 and web2, counters at `web1`/`web2`. */
export function haproxyAnswers(web1: number, web2: number, web2Errors = 0) {
  return {
    requests: vectorAnswer([
      series('', 'app', 'web1', String(web1)),
      series('', 'app', 'web2', String(web2)),
    ]),
    errors: vectorAnswer([
      series('', 'app', 'web1', '0', { code: '5xx' }),
      series('', 'app', 'web2', String(web2Errors), { code: '5xx' }),
    ]),
    weight: vectorAnswer([series('', 'app', 'web1', '1'), series('', 'app', 'web2', '3')]),
    up: vectorAnswer([series('', 'app', 'web1', '1'), series('', 'app', 'web2', '0')]),
    latencyMean: vectorAnswer([
      series('', 'app', 'web1', '0.012'),
      series('', 'app', 'web2', 'NaN'),
    ]),
  };
}

const envoySeries = (cluster: string, address: string, value: string) => ({
  metric: {
    envoy_cluster_name: cluster,
    envoy_endpoint_address: address,
    instance: '10.0.0.9:9901',
    job: 'envoy',
  },
  value: [1764693600.123, value],
});

/** The envoy preset's answers for cluster "api" with two endpoints, counters as given. */
export function envoyAnswers(a: number, b: number, bErrors = 0) {
  return {
    requests: vectorAnswer([
      envoySeries('api', '10.0.0.1:8080', String(a)),
      envoySeries('api', '10.0.0.2:8080', String(b)),
    ]),
    errors: vectorAnswer([
      envoySeries('api', '10.0.0.1:8080', '0'),
      envoySeries('api', '10.0.0.2:8080', String(bErrors)),
    ]),
  };
}

const istioSeries = (pod: string, value: string) => ({
  metric: { destination_workload: 'reviews-v1', pod },
  value: [1764693600.123, value],
});

const POD_A = 'reviews-v1-7d9f8c-a1';
const POD_B = 'reviews-v1-7d9f8c-b2';

/**
 * The istio preset's answers for workload reviews-v1 with two pods: request counters as given,
 * pod a's quantiles (ms) as given, pod b's NaN (histogram_quantile over a window without requests).
 */
export function istioAnswers(a: number, b: number, quantilesA = ['12.5', '47.5', '95.5']) {
  const [p50, p95, p99] = quantilesA as [string, string, string];
  return {
    requests: vectorAnswer([istioSeries(POD_A, String(a)), istioSeries(POD_B, String(b))]),
    // pod b has never answered 5xx: its 0 comes from the query's `or`
    errors: vectorAnswer([istioSeries(POD_A, '1'), istioSeries(POD_B, '0')]),
    latencyP50: vectorAnswer([istioSeries(POD_A, p50), istioSeries(POD_B, 'NaN')]),
    latencyP95: vectorAnswer([istioSeries(POD_A, p95), istioSeries(POD_B, 'NaN')]),
    latencyP99: vectorAnswer([istioSeries(POD_A, p99), istioSeries(POD_B, 'NaN')]),
  };
}
