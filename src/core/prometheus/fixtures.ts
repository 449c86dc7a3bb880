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
