import { describe, expect, it } from 'vitest';
import {
  emptyQueryWarning,
  presetLatency,
  latencyNotice,
  ENVOY_PRESET,
  HAPROXY_PRESET,
  ISTIO_PRESET,
  PRESETS,
  presetQueries,
  type LatencyKind,
  type PromPreset,
} from './presets';

// what a preset's queries say its latency is: what `latency` must agree with
function latencyOfQueries(preset: PromPreset): LatencyKind {
  const q = preset.queries;
  if (q.latencyMean !== undefined) return 'mean';
  return q.latencyP50 !== undefined && q.latencyP95 !== undefined && q.latencyP99 !== undefined
    ? 'quantiles'
    : 'none';
}

describe('PRESETS', () => {
  it.each([
    { name: 'haproxy', latency: 'mean', unit: 'seconds', weight: true },
    { name: 'envoy', latency: 'none', unit: 'seconds', weight: false },
    { name: 'istio', latency: 'quantiles', unit: 'milliseconds', weight: false },
  ])(
    '$name: latency $latency in $unit, weight query: $weight',
    ({ name, latency, unit, weight }) => {
      const preset = PRESETS[name]!;
      expect(preset.name).toBe(name);
      expect(preset.latency).toBe(latency);
      expect(latencyOfQueries(preset)).toBe(latency);
      expect(preset.latencyUnit).toBe(unit);
      // no weight query: every server weighs 1, so the expected shares are equal
      expect(preset.queries.weight !== undefined).toBe(weight);
    },
  );

  it('every query of a preset groups by its pool and server labels', () => {
    for (const preset of Object.values(PRESETS)) {
      for (const [, query] of presetQueries(preset)) {
        expect(query).toContain(preset.poolLabel);
        expect(query).toContain(preset.serverLabel);
      }
    }
  });

  it("istio's quantiles are over a range of 1m: four of Istio's default 15s scrapes", () => {
    expect(ISTIO_PRESET.queries.latencyP95).toBe(
      'histogram_quantile(0.95, sum by (le, destination_workload, pod) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[1m])))',
    );
  });
});

describe('emptyQueryWarning', () => {
  it.each([
    {
      preset: ENVOY_PRESET,
      query: 'requests' as const,
      says: [
        'preset envoy: the requests query came back empty',
        'per_endpoint_stats: true',
        'envoy_cluster_endpoint_rq_total',
      ],
    },
    {
      preset: HAPROXY_PRESET,
      query: 'up' as const,
      says: [
        'preset haproxy: the up query came back empty (no series with labels proxy and server): max by',
      ],
    },
    {
      preset: { ...ISTIO_PRESET, name: '--queries mine.json' },
      query: 'latencyP99' as const,
      says: ['prometheus source: --queries mine.json: the latencyP99 query came back empty'],
    },
  ])('$preset.name $query', ({ preset, query, says }) => {
    const warning = emptyQueryWarning(preset, query);
    for (const part of says) expect(warning).toContain(part);
  });
});

describe('latencyNotice', () => {
  it('says plainly that envoy gives no latency, and why', () => {
    expect(latencyNotice(ENVOY_PRESET)).toBe(
      "prometheus source: preset envoy has no latency query (Envoy times requests per cluster, not per endpoint): no latency from this source, every frame's latencyMs is null and the latency rule cannot fire",
    );
  });

  it('says nothing for a preset with latency', () => {
    expect(latencyNotice(HAPROXY_PRESET)).toBeUndefined();
    expect(latencyNotice(ISTIO_PRESET)).toBeUndefined();
  });
});

describe('presetLatency: what hello.latency says', () => {
  it.each([
    { preset: HAPROXY_PRESET, want: 'mean' },
    // its frames carry no latency at all: the protocol's default misnames nothing
    { preset: ENVOY_PRESET, want: 'quantiles' },
    { preset: ISTIO_PRESET, want: 'quantiles' },
  ])('$preset.name: $want', ({ preset, want }) => {
    expect(presetLatency(preset)).toBe(want);
  });
});
