import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import type { LiveAlerts } from '../core/detector';
import type { Hello, Sample } from '../core/protocol/protocol';
import { Hub } from './hub';
import { GatewayMetrics } from './ops/metrics';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const WINDOW = 3000;

const servers: Hello['servers'] = [
  { id: 'a', pool: 'web', weight: 1 },
  { id: 'b', pool: 'web', weight: 1 },
  { id: 'pod-x', pool: 'web', weight: 1 },
];
const sample = (id: string, requests = 10): Sample => ({
  id,
  requests,
  latencyMs: requests === 0 ? null : { p50: 1, p95: 2, p99: 3 },
});

/** A hub with no clients, what it sends in order, the hellos its detector took, and /metrics. */
function hubOf() {
  // never attached: nothing listens, nothing to close
  const io = new Server();
  const sent: string[] = [];
  const hellos: Hello[] = [];
  const detectorHellos: string[][] = [];
  const alerts: LiveAlerts = {
    hello: (h) => void detectorHellos.push(h.servers.map((s) => s.id)),
    frame: () => [],
    firing: () => [],
  };
  const metrics = new GatewayMetrics({ clients: () => 0, defaultMetrics: false, windowMs: WINDOW });
  const hub = new Hub(io, {
    bufferFrames: 100,
    bufferAgeMs: 3_600_000,
    shareWindowMs: WINDOW,
    alerts,
    onPayload: (type, payload) => {
      metrics.observe(type, payload);
      if (type === 'hello') {
        hellos.push(payload as Hello);
        sent.push(`hello ${(payload as Hello).servers.map((s) => s.id).join(',')}`);
      } else if (type === 'frame') sent.push(`frame ${(payload as { t: number }).t - T0}`);
    },
  });
  hub.info({ source: 'test', mode: 'live', intervalMs: 1000, servers });
  const frame = (s: number, samples: Sample[]) =>
    hub.frame({ t: T0 + s * 1000, intervalMs: 1000, samples });
  const shareSeries = async () =>
    (await metrics.scrape()).body
      .split('\n')
      .filter((l) => l.startsWith('skewboard_server_share{'))
      .map((l) => l.slice(0, l.lastIndexOf(' ')));
  return { hub, sent, hellos, detectorHellos, frame, shareSeries };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('Hub: a server gone from the frames leaves hello', () => {
  it('sends hello again without it once it has had no sample for the window, idle ones kept', async () => {
    const { hub, sent, detectorHellos, frame, shareSeries } = hubOf();
    frame(1, [sample('a'), sample('b', 0), sample('pod-x')]);
    frame(2, [sample('a'), sample('b', 0), sample('pod-x')]);
    expect(await shareSeries()).toContain('skewboard_server_share{server="pod-x",pool="web"}');
    for (let s = 3; s <= 5; s++) frame(s, [sample('a'), sample('b', 0)]);

    // pod-x's last sample at 2 s is out of the 3 s window ending at 5 s; b idles, still sampled
    expect(sent).toEqual([
      'hello a,b,pod-x',
      'frame 1000',
      'frame 2000',
      'frame 3000',
      'frame 4000',
      'hello a,b',
      'frame 5000',
    ]);
    // what a client connecting now is greeted with
    expect(hub.hello().servers.map((s) => s.id)).toEqual(['a', 'b']);
    await nextTurn();
    expect(detectorHellos).toEqual([
      ['a', 'b', 'pod-x'],
      ['a', 'b'],
    ]);
    expect(await shareSeries()).toEqual([
      'skewboard_server_share{server="a",pool="web"}',
      'skewboard_server_share{server="b",pool="web"}',
    ]);
  });

  it('lists a server again, before its frame, when it is sampled again', () => {
    const { hub, sent, hellos, frame } = hubOf();
    frame(1, [sample('a'), sample('b'), sample('pod-x')]);
    for (let s = 2; s <= 4; s++) frame(s, [sample('a'), sample('b')]);
    frame(5, [sample('a'), sample('b'), sample('pod-x')]);
    expect(sent.slice(-3)).toEqual(['frame 4000', 'hello a,b,pod-x', 'frame 5000']);
    // with its pool from the source, so the page files it where it belongs
    expect(hellos.at(-1)!.servers).toEqual(servers);
    expect(hub.hello().servers).toEqual(servers);
  });

  it('keeps listing servers while no frame comes: a source that stalls is not a fleet gone', () => {
    const { hub, sent, frame } = hubOf();
    frame(1, [sample('a'), sample('b'), sample('pod-x')]);
    expect(hub.hello().servers.map((s) => s.id)).toEqual(['a', 'b', 'pod-x']);
    expect(sent.filter((s) => s.startsWith('hello'))).toHaveLength(1);
  });
});
