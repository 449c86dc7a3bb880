import { describe, expect, it } from 'vitest';
import { HAPROXY_PRESET, presetLatency, type PromPreset } from './presets';

const requests = 'sum by (proxy, server) (haproxy_server_loadbalanced_total)';

describe('presetLatency: what hello.latency says, from the queries a preset declares', () => {
  it.each<{ name: string; preset: PromPreset; want: 'mean' | 'quantiles' }>([
    { name: 'haproxy (only a mean exists)', preset: HAPROXY_PRESET, want: 'mean' },
    {
      name: 'any preset whose latency query is a mean',
      preset: {
        name: 'mine',
        serverLabel: 's',
        poolLabel: 'p',
        queries: { requests, latencyMean: 'avg by (p, s) (my_latency_seconds)' },
      },
      want: 'mean',
    },
    {
      name: 'a preset with no latency query (its frames carry none)',
      preset: { name: 'bare', serverLabel: 's', poolLabel: 'p', queries: { requests } },
      want: 'quantiles',
    },
  ])('$name: $want', ({ preset, want }) => {
    expect(presetLatency(preset)).toBe(want);
  });
});
