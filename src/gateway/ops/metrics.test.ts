import { describe, expect, it } from 'vitest';
import type { AlertPayload } from './alert-payload';
import { GatewayMetrics } from './metrics';

const T0 = Date.UTC(2024, 4, 15, 13, 30);

const firing = (rule: AlertPayload['rule'], servers: string[]): AlertPayload => ({
  v: 1,
  id: `${rule}:${servers.join(',')}`,
  state: 'firing',
  t: T0,
  since: T0,
  rule,
  servers,
  cause: 'load-balancer',
  message: 'm',
});

/** the lines of the samples named `name` */
const samples = async (m: GatewayMetrics, name: string) =>
  (await m.scrape()).body
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));

describe('GatewayMetrics', () => {
  it('counts the alerts firing per rule, 0 for a rule with none', async () => {
    const alerts = [
      firing('share-skew', ['a']),
      firing('share-skew', ['b']),
      firing('latency', ['a']),
    ];
    const m = new GatewayMetrics({
      clients: () => 2,
      firingAlerts: () => alerts,
      defaultMetrics: false,
    });
    expect(await samples(m, 'skewboard_alerts_firing')).toEqual([
      'skewboard_alerts_firing{rule="share-skew"} 2',
      'skewboard_alerts_firing{rule="latency"} 1',
      'skewboard_alerts_firing{rule="errors"} 0',
      'skewboard_alerts_firing{rule="server-down"} 0',
    ]);
    expect(await samples(m, 'skewboard_clients')).toEqual(['skewboard_clients 2']);
  });

  it('states each server share of its pool from the frames observed, and counts them', async () => {
    const m = new GatewayMetrics({ clients: () => 0, defaultMetrics: false, windowMs: 2000 });
    m.observe('hello', {
      v: 1,
      source: 'sim:x',
      mode: 'live',
      intervalMs: 1000,
      now: T0,
      servers: [
        { id: 'a', weight: 1, pool: 'web' },
        { id: 'b', weight: 3, pool: 'web' },
      ],
    });
    for (const [seq, [a, b]] of [
      [900, 100],
      [30, 10],
      [30, 10],
    ].entries()) {
      m.observe('frame', {
        v: 1,
        seq,
        t: T0 + seq * 1000,
        intervalMs: 1000,
        samples: [
          { id: 'a', requests: a, latencyMs: null },
          { id: 'b', requests: b, latencyMs: null },
        ],
      });
    }
    expect(await samples(m, 'skewboard_frames_total')).toEqual(['skewboard_frames_total 3']);
    // the window is the last 2 frames: 60 of 80
    expect(await samples(m, 'skewboard_server_share')).toEqual([
      'skewboard_server_share{server="a",pool="web"} 0.75',
      'skewboard_server_share{server="b",pool="web"} 0.25',
    ]);
    expect(await samples(m, 'skewboard_server_expected_share')).toEqual([
      'skewboard_server_expected_share{server="a",pool="web"} 0.25',
      'skewboard_server_expected_share{server="b",pool="web"} 0.75',
    ]);
  });
});
