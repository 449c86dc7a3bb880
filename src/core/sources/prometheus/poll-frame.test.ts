import { describe, expect, it } from 'vitest';
import { sample as sampleValidator } from '../../protocol/protocol';
import { envoyAnswers, haproxyAnswers, istioAnswers, vectorAnswer } from './fixtures';
import { emptyQueries, pollFrame, pollReading, pollServers, type PollAnswers } from './poll-frame';
import { ENVOY_PRESET, HAPROXY_PRESET, ISTIO_PRESET } from './presets';
import { parseInstantVector } from './query-result';

const parsed = (answers: Record<string, unknown>): PollAnswers =>
  Object.fromEntries(Object.entries(answers).map(([q, body]) => [q, parseInstantVector(body)]));

const reading = (t: number, web1: number, web2: number, web2Errors = 0) =>
  pollReading(HAPROXY_PRESET, t, parsed(haproxyAnswers(web1, web2, web2Errors)));

describe('pollServers', () => {
  it('lists each proxy/server of the requests query, pool = proxy, weight from the weight query', () => {
    expect(pollServers(reading(1000, 5, 7))).toEqual([
      { id: 'app/web1', label: 'web1', pool: 'app', weight: 1 },
      { id: 'app/web2', label: 'web2', pool: 'app', weight: 3 },
    ]);
  });
});

describe('pollFrame', () => {
  it.each([
    {
      case: 'the growth of each counter between two polls',
      before: reading(1000, 100, 50),
      after: reading(2000, 130, 51, 1),
      expected: [
        {
          id: 'app/web1',
          requests: 30,
          errors: 0,
          latencyMs: { p50: 12, p95: 12, p99: 12 },
          up: true,
          weight: 1,
        },
        // NaN mean: no latency; status UP = 0: down
        { id: 'app/web2', requests: 1, errors: 1, latencyMs: null, up: false, weight: 3 },
      ],
    },
    {
      case: 'a counter that went back (HAProxy restarted) counts from zero; no requests, no latency',
      before: reading(1000, 100, 50),
      after: reading(2000, 4, 50),
      expected: [
        {
          id: 'app/web1',
          requests: 4,
          errors: 0,
          latencyMs: { p50: 12, p95: 12, p99: 12 },
          up: true,
          weight: 1,
        },
        { id: 'app/web2', requests: 0, errors: 0, latencyMs: null, up: false, weight: 3 },
      ],
    },
    {
      case: 'more 5xx than requests (counted a scrape apart) are capped',
      before: reading(1000, 10, 10),
      after: reading(2000, 10, 12, 5),
      expected: [
        { id: 'app/web1', requests: 0, errors: 0, latencyMs: null, up: true, weight: 1 },
        { id: 'app/web2', requests: 2, errors: 2, latencyMs: null, up: false, weight: 3 },
      ],
    },
    {
      case: 'a server new since the last poll waits for the next one (its counter is all time)',
      before: pollReading(HAPROXY_PRESET, 1000, {
        requests: parseInstantVector(haproxyAnswers(10, 10).requests).slice(0, 1),
      }),
      after: reading(2000, 12, 5000),
      expected: [
        {
          id: 'app/web1',
          requests: 2,
          errors: 0,
          latencyMs: { p50: 12, p95: 12, p99: 12 },
          up: true,
          weight: 1,
        },
      ],
    },
  ])('$case', ({ before, after, expected }) => {
    const frame = pollFrame(before, after);
    expect(frame).toEqual({ t: 2000, intervalMs: 1000, samples: expected });
    for (const s of frame.samples) expect(sampleValidator.check(s)).toEqual(s);
  });

  it('a server that served nothing since the last poll has no latency, not the mean Prometheus still holds', () => {
    // HAProxy's response_time_average_seconds stays at its last value while a server is idle
    const frame = pollFrame(reading(1000, 100, 50), reading(2000, 100, 53));
    expect(frame.samples.map((s) => [s.id, s.requests, s.latencyMs])).toEqual([
      ['app/web1', 0, null],
      ['app/web2', 3, null],
    ]);
    expect(reading(2000, 100, 53).servers.get('app/web1')?.latencyMs?.p95).toBe(12);
  });

  it('a preset without a latency query gives frames without latency', () => {
    // such as a future envoy preset: the source asks only the queries a preset has
    const noLatency = { ...HAPROXY_PRESET, queries: { requests: HAPROXY_PRESET.queries.requests } };
    const poll = (t: number, n: number) =>
      pollReading(noLatency, t, parsed({ requests: haproxyAnswers(n, n).requests }));
    const frame = pollFrame(poll(1000, 10), poll(2000, 30));
    expect(frame.samples.map((s) => [s.requests, s.latencyMs])).toEqual([
      [20, null],
      [20, null],
    ]);
  });

  it('refuses polls out of order', () => {
    expect(() => pollFrame(reading(2000, 1, 1), reading(2000, 1, 1))).toThrow(RangeError);
  });
});

const envoy = (t: number, a: number, b: number, bErrors = 0) =>
  pollReading(ENVOY_PRESET, t, parsed(envoyAnswers(a, b, bErrors)));
const istio = (t: number, a: number, b: number, quantilesA?: string[]) =>
  pollReading(ISTIO_PRESET, t, parsed(istioAnswers(a, b, quantilesA)));

describe('pollServers, envoy and istio: no weight series, so every server weighs 1', () => {
  it.each([
    {
      reading: envoy(1000, 5, 7),
      expected: [
        { id: 'api/10.0.0.1:8080', label: '10.0.0.1:8080', pool: 'api', weight: 1 },
        { id: 'api/10.0.0.2:8080', label: '10.0.0.2:8080', pool: 'api', weight: 1 },
      ],
    },
    {
      reading: istio(1000, 5, 7),
      expected: [
        {
          id: 'reviews-v1/reviews-v1-7d9f8c-a1',
          label: 'reviews-v1-7d9f8c-a1',
          pool: 'reviews-v1',
          weight: 1,
        },
        {
          id: 'reviews-v1/reviews-v1-7d9f8c-b2',
          label: 'reviews-v1-7d9f8c-b2',
          pool: 'reviews-v1',
          weight: 1,
        },
      ],
    },
  ])('$expected.0.pool', ({ reading, expected }) => {
    expect(pollServers(reading)).toEqual(expected);
  });
});

describe('pollFrame, envoy and istio', () => {
  const A = 'reviews-v1/reviews-v1-7d9f8c-a1';
  const B = 'reviews-v1/reviews-v1-7d9f8c-b2';
  it.each([
    {
      case: 'envoy: requests and 5xx per endpoint; no latency at all, even with requests',
      before: envoy(1000, 100, 50),
      after: envoy(2000, 130, 60, 2),
      expected: [
        { id: 'api/10.0.0.1:8080', requests: 30, errors: 0, latencyMs: null },
        { id: 'api/10.0.0.2:8080', requests: 10, errors: 2, latencyMs: null },
      ],
    },
    {
      case: 'istio: quantiles taken as milliseconds; a pod whose quantiles are NaN has none',
      before: istio(1000, 100, 50),
      after: istio(2000, 110, 53),
      expected: [
        { id: A, requests: 10, errors: 0, latencyMs: { p50: 12.5, p95: 47.5, p99: 95.5 } },
        { id: B, requests: 3, errors: 0, latencyMs: null },
      ],
    },
    {
      case: 'istio: a pod with no requests in the interval has no latency, whatever the window says',
      before: istio(1000, 100, 50),
      after: istio(2000, 100, 50),
      expected: [
        { id: A, requests: 0, errors: 0, latencyMs: null },
        { id: B, requests: 0, errors: 0, latencyMs: null },
      ],
    },
    {
      case: 'istio: quantiles out of order are raised to the one below, so the frame is valid',
      before: istio(1000, 100, 50),
      after: istio(2000, 101, 50, ['20', '10', '15']),
      expected: [
        { id: A, requests: 1, errors: 0, latencyMs: { p50: 20, p95: 20, p99: 20 } },
        { id: B, requests: 0, errors: 0, latencyMs: null },
      ],
    },
  ])('$case', ({ before, after, expected }) => {
    const frame = pollFrame(before, after);
    expect(frame.samples).toEqual(expected);
    for (const s of frame.samples) expect(sampleValidator.check(s)).toEqual(s);
  });

  it('a mean in seconds (haproxy) and quantiles in milliseconds (istio) are both ms on the wire', () => {
    const haproxy = pollFrame(reading(1000, 1, 1), reading(2000, 2, 1)).samples[0]!;
    const mesh = pollFrame(istio(1000, 1, 1), istio(2000, 2, 1)).samples[0]!;
    expect(haproxy.latencyMs).toEqual({ p50: 12, p95: 12, p99: 12 });
    expect(mesh.latencyMs).toEqual({ p50: 12.5, p95: 47.5, p99: 95.5 });
  });
});

describe('emptyQueries', () => {
  it.each([
    { case: 'all answered', answers: haproxyAnswers(1, 1), expected: [] },
    {
      case: 'no 5xx series, no status',
      answers: { ...haproxyAnswers(1, 1), errors: vectorAnswer([]), up: vectorAnswer([]) },
      expected: ['errors', 'up'],
    },
    {
      case: 'series without the server label do not count',
      answers: {
        ...haproxyAnswers(1, 1),
        requests: vectorAnswer([{ metric: { proxy: 'app' }, value: [1, '3'] }]),
      },
      expected: ['requests'],
    },
  ])('$case -> $expected', ({ answers, expected }) => {
    expect(emptyQueries(HAPROXY_PRESET, parsed(answers))).toEqual(expected);
  });
});
