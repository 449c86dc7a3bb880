import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../protocol/validate';
import { presetFromQueriesFile } from './queries-file';

const MINIMAL = {
  serverLabel: 'instance',
  poolLabel: 'job',
  requests: 'sum by (job, instance) (http_requests_total)',
};

describe('presetFromQueriesFile', () => {
  it.each([
    {
      case: 'requests only: no latency, seconds by default',
      file: MINIMAL,
      queries: { requests: MINIMAL.requests },
      latency: 'none',
      unit: 'seconds',
    },
    {
      case: 'every figure, latency as a mean',
      file: {
        ...MINIMAL,
        errors: 'E',
        weight: 'W',
        up: 'U',
        latency: { mean: 'M' },
      },
      queries: { requests: MINIMAL.requests, errors: 'E', weight: 'W', up: 'U', latencyMean: 'M' },
      latency: 'mean',
      unit: 'seconds',
    },
    {
      case: 'latency as quantiles in milliseconds',
      file: { ...MINIMAL, latency: { p50: 'A', p95: 'B', p99: 'C', unit: 'milliseconds' } },
      queries: { requests: MINIMAL.requests, latencyP50: 'A', latencyP95: 'B', latencyP99: 'C' },
      latency: 'quantiles',
      unit: 'milliseconds',
    },
  ])('$case', ({ file, queries, latency, unit }) => {
    expect(presetFromQueriesFile(file, '--queries q.json')).toEqual({
      name: '--queries q.json',
      serverLabel: 'instance',
      poolLabel: 'job',
      queries,
      latency,
      latencyUnit: unit,
    });
  });

  it.each([
    {
      file: { ...MINIMAL, requets: 'x' },
      says: 'requets: unknown key; expected one of serverLabel, poolLabel, requests, errors, weight, up, latency',
    },
    {
      file: { ...MINIMAL, latency: { p50: 'A', p59: 'B', p99: 'C' } },
      says: 'latency.p59: unknown key; expected one of mean, p50, p95, p99, unit',
    },
    { file: { serverLabel: 'pod', poolLabel: 'job' }, says: 'requests: is missing' },
    { file: { ...MINIMAL, requests: '  ' }, says: 'requests: is empty' },
    { file: { ...MINIMAL, errors: 5 }, says: 'errors: expected a string, got the number 5' },
    {
      file: { ...MINIMAL, serverLabel: 'pod-name' },
      says: 'serverLabel: is not a Prometheus label name',
    },
    {
      file: { ...MINIMAL, latency: { mean: 'M', p95: 'B' } },
      says: 'latency.mean: is one or the other: mean, or p50, p95 and p99',
    },
    {
      file: { ...MINIMAL, latency: { p50: 'A', p99: 'C' } },
      says: 'latency.p95: is missing: give mean, or all of p50, p95 and p99',
    },
    {
      file: { ...MINIMAL, latency: { mean: 'M', unit: 'ms' } },
      says: 'latency.unit: expected "seconds" or "milliseconds", got the string "ms"',
    },
    { file: [MINIMAL], says: 'expected an object, got an array' },
    {
      file: { ...MINIMAL, requests: 'x'.repeat(4001) },
      says: 'requests: is 4001 characters long, at most 4000',
    },
  ])('refuses: $says', ({ file, says }) => {
    expect(() => presetFromQueriesFile(file, 'q')).toThrow(ValidationError);
    expect(() => presetFromQueriesFile(file, 'q')).toThrow(says);
  });
});
