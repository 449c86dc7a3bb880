/**
 * `--preset istio` against real parts: two "pods", each a prom-client exporter shaped like an
 * Istio sidecar (istio_requests_total, istio_request_duration_milliseconds), scraped every
 * second by Debian's Prometheus, which puts the pod label on each as Kubernetes service
 * discovery would; the gateway polls Prometheus every second. All on 127.0.0.1.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { Frame, Sample } from '../../src/core/protocol/protocol';
import {
  cleanupsAfterEach,
  startPrometheus,
  startPrometheusGateway,
  until,
  watchGateway,
} from '../support/services';

const TEST_MS = 60_000;

const later = cleanupsAfterEach();

// Istio's default buckets for request duration, in milliseconds
const BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000,
  1800000, 3600000,
];

const LABELS = [
  'reporter',
  'source_workload',
  'destination_workload',
  'destination_workload_namespace',
  'destination_service',
  'response_code',
] as const;
type Labels = Record<(typeof LABELS)[number], string>;

const served = (code: string): Labels => ({
  reporter: 'destination',
  source_workload: 'productpage-v1',
  destination_workload: 'reviews-v1',
  destination_workload_namespace: 'default',
  destination_service: 'reviews.default.svc.cluster.local',
  response_code: code,
});

/** One pod's sidecar, which has answered with `codes` before: its metrics on its own port. */
async function startSidecar(codes: string[]) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'istio_requests_total',
    help: 'requests handled by the proxy',
    labelNames: LABELS,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'istio_request_duration_milliseconds',
    help: 'request duration',
    labelNames: LABELS,
    buckets: BUCKETS,
    registers: [registry],
  });
  // series that exist from the start, as a sidecar's do once it has answered with each code:
  // the gateway counts from the second poll that sees a server, and rate() counts nothing of
  // a series' first sample (a code's first requests are in the counts, differenced by the
  // gateway, but not in the quantiles)
  for (const code of codes) {
    requests.inc(served(code), 0);
    duration.zero(served(code));
  }
  const server = createServer((req, res) => {
    void registry.metrics().then((text) => {
      res.setHeader('content-type', registry.contentType);
      res.end(text);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  later(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** what this pod's sidecar records for requests it answered, each `ms` long */
    answer(ms: number[], code = '200') {
      for (const m of ms) {
        requests.inc(served(code));
        duration.observe(served(code), m);
      }
    },
    /** the sidecar as a client: reporter="source", which the preset must not count */
    call(n: number) {
      requests.inc({ ...served('200'), reporter: 'source' }, n);
    },
  };
}

/**
 * histogram_quantile as Prometheus computes it (promql/quantile.go, bucketQuantile): the rank
 * q * count falls in a bucket, and the value is interpolated linearly inside it.
 */
function histogramQuantile(q: number, observations: number[]): number {
  const cumulative = BUCKETS.map((le) => observations.filter((o) => o <= le).length);
  const rank = q * observations.length;
  const b = cumulative.findIndex((c) => c >= rank);
  const start = b === 0 ? 0 : BUCKETS[b - 1]!;
  const below = b === 0 ? 0 : cumulative[b - 1]!;
  return start + (BUCKETS[b]! - start) * ((rank - below) / (cumulative[b]! - below));
}

const many = (n: number, ms: number) => Array.from({ length: n }, () => ms);

describe('serve --source prometheus:<url> --preset istio', () => {
  it(
    'counts the requests each pod answered, and their p50/p95/p99 as histogram_quantile gives them',
    async () => {
      // a has never answered 5xx, so it has no such series: its errors come from the query's `or`
      const pods = {
        'reviews-v1-a': await startSidecar(['200']),
        'reviews-v1-b': await startSidecar(['200', '503']),
      };
      const { url: prometheus } = await startPrometheus(
        {
          targets: Object.entries(pods).map(([pod, s]) => ({
            address: s.address,
            labels: { pod },
          })),
        },
        later,
      );
      const gateway = await startPrometheusGateway(prometheus, later, {
        args: ['--preset', 'istio'],
      });
      const { socket, hellos, frames } = watchGateway(gateway.url, later);
      const why = () =>
        `hellos ${JSON.stringify(hellos.at(-1))}\nframes ${JSON.stringify(frames.slice(-3))}\n${gateway.output()}`;

      // both pods in a frame: Prometheus has scraped each twice since the gateway began
      await until(
        30_000,
        () => frames.some((f) => f.samples.length === 2),
        () => `no frame with both pods; ${why()}`,
      );
      const A = 'reviews-v1/reviews-v1-a';
      const B = 'reviews-v1/reviews-v1-b';
      // no weight series: every pod weighs 1, so each is expected to take an equal share
      expect(hellos.at(-1)!.servers).toEqual([
        { id: A, label: 'reviews-v1-a', pool: 'reviews-v1', weight: 1 },
        { id: B, label: 'reviews-v1-b', pool: 'reviews-v1', weight: 1 },
      ]);

      // from here on, every request is counted in a frame still to come
      const counted = new Map<string, { requests: number; errors: number }>();
      const busy: Sample[] = [];
      socket.on('frame', (f: Frame) => {
        for (const s of f.samples) {
          const c = counted.get(s.id) ?? { requests: 0, errors: 0 };
          counted.set(s.id, { requests: c.requests + s.requests, errors: c.errors + s.errors! });
          if (s.requests > 0) busy.push(s);
        }
      });
      const timesA = [...many(20, 8), ...many(8, 40), ...many(2, 200)];
      const timesB200 = many(8, 3);
      const timesB503 = many(2, 600);
      pods['reviews-v1-a'].answer(timesA);
      pods['reviews-v1-a'].call(500);
      pods['reviews-v1-b'].answer(timesB200);
      pods['reviews-v1-b'].answer(timesB503, '503');

      await until(
        20_000,
        () => (counted.get(A)?.requests ?? 0) + (counted.get(B)?.requests ?? 0) === 40,
        () => `frames counted ${JSON.stringify([...counted])}; ${why()}`,
      );
      // what each sidecar reported as the destination; the 500 it sent as a client are not
      // its own, and a pod that never answered 5xx counts 0 errors
      expect(Object.fromEntries(counted)).toEqual({
        [A]: { requests: 30, errors: 0 },
        [B]: { requests: 10, errors: 2 },
      });

      // each busy frame's quantiles are histogram_quantile over everything observed (all of
      // it within the preset's 1m window), in ms: e.g. A's p95 rank 28.5 of 30 falls among the
      // two in (100, 250], a quarter of the way in: 137.5
      const expected: Record<string, number[]> = {
        [A]: [0.5, 0.95, 0.99].map((q) => histogramQuantile(q, timesA)),
        [B]: [0.5, 0.95, 0.99].map((q) => histogramQuantile(q, [...timesB200, ...timesB503])),
      };
      [8.75, 137.5, 227.5].forEach((ms, i) => expect(expected[A]![i]).toBeCloseTo(ms, 9));
      expect(busy.map((s) => s.id).sort()).toEqual(expect.arrayContaining([A, B]));
      for (const s of busy) {
        const [p50, p95, p99] = expected[s.id]!;
        expect(s.latencyMs, JSON.stringify(s)).not.toBeNull();
        expect(s.latencyMs!.p50).toBeCloseTo(p50!, 6);
        expect(s.latencyMs!.p95).toBeCloseTo(p95!, 6);
        expect(s.latencyMs!.p99).toBeCloseTo(p99!, 6);
      }
      // the true p95 of A (200 ms) and the interpolated one share a bucket
      expect(busy.find((s) => s.id === A)!.latencyMs!.p95).toBeGreaterThan(100);
      expect(busy.find((s) => s.id === A)!.latencyMs!.p95).toBeLessThanOrEqual(250);
      expect(gateway.output()).not.toContain('the requests query came back empty');
    },
    TEST_MS,
  );
});
