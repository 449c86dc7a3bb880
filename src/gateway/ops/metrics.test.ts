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

  it('drops a departed server’s share series; an idle one, still sampled, keeps its series', async () => {
    const m = new GatewayMetrics({ clients: () => 0, defaultMetrics: false, windowMs: 3000 });
    const frame = (s: number, ids: string[]) =>
      m.observe('frame', {
        v: 1,
        seq: s,
        t: T0 + s * 1000,
        intervalMs: 1000,
        samples: ids.map((id) => ({
          id,
          requests: id === 'idle' ? 0 : 10,
          latencyMs: id === 'idle' ? null : { p50: 1, p95: 2, p99: 3 },
        })),
      });
    const series = async (name: string) =>
      (await samples(m, name)).map((l) => l.slice(l.indexOf('{'), l.lastIndexOf(' ')));
    // pods that live 5 frames each, one born every frame
    for (let s = 0; s < 200; s++) {
      const born = [s - 4, s - 3, s - 2, s - 1, s].filter((b) => b >= 0);
      frame(s, ['idle', ...born.map((b) => `pod-${b}`)]);
    }
    // sampled in the 3 s window ending at 199 s (frames 197..199): pods born 193..199
    const pods = [193, 194, 195, 196, 197, 198, 199].map((b) => `{server="pod-${b}",pool=""}`);
    expect((await series('skewboard_server_share')).sort()).toEqual(
      ['{server="idle",pool=""}', ...pods].sort(),
    );
    expect((await series('skewboard_server_expected_share')).sort()).toEqual(
      ['{server="idle",pool=""}', ...pods].sort(),
    );
  });
});
