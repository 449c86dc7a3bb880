import { describe, expect, it } from 'vitest';
import { sample as sampleValidator } from '../protocol';
import { haproxyAnswers, vectorAnswer } from './fixtures';
import { emptyQueries, pollFrame, pollReading, pollServers, type PollAnswers } from './poll-frame';
import { HAPROXY_PRESET } from './presets';
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
    expect(reading(2000, 100, 53).servers.get('app/web1')?.latencyMeanS).toBe(0.012);
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
