/**
 * The detector's share-skew message and the share bars read the same figures: fed the same
 * frames, the ratio the alert states is the one shareWindow gives at the frame it fires.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, DEFAULT_CONFIG } from '../detector';
import { times } from '../detector/message';
import type { Frame, Hello } from '../protocol/protocol';
import { SeriesStore } from '../series/series-store';
import { shareWindow } from './share-window';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const INTERVAL = 10_000;
const IDS = ['app-01', 'app-02', 'app-03', 'app-04', 'app-05', 'app-06'];

const hello: Hello = {
  v: 1,
  source: 'test',
  mode: 'live',
  intervalMs: INTERVAL,
  servers: [
    ...IDS.map((id) => ({ id, pool: 'web', weight: 1 })),
    { id: 'api-01', pool: 'api', weight: 1 },
    { id: 'api-02', pool: 'api', weight: 1 },
  ],
  now: T0,
};

// from frame 6 on, app-04 and app-05 get about three times their share of the web pool
function frame(seq: number): Frame {
  const skewed = seq >= 6;
  return {
    v: 1,
    seq,
    t: T0 + (seq + 1) * INTERVAL,
    intervalMs: INTERVAL,
    samples: [
      ...IDS.map((id) => ({
        id,
        requests: skewed && (id === 'app-04' || id === 'app-05') ? 3000 + seq : 1000 + seq,
        latencyMs: { p50: 50, p95: 100, p99: 150 },
      })),
      { id: 'api-01', requests: 40, latencyMs: { p50: 50, p95: 100, p99: 150 } },
      { id: 'api-02', requests: 60, latencyMs: { p50: 50, p95: 100, p99: 150 } },
    ],
  };
}

describe('the share-skew message and the share bars', () => {
  it('state the same ratio for the servers named, at the frame the alert fires', () => {
    const detector = createDetector();
    const store = new SeriesStore({ capacity: 100, maxAgeMs: Infinity });
    detector.hello(hello);
    store.setServers(hello.servers);
    let checked = 0;
    for (let seq = 0; seq < 20; seq++) {
      const f = frame(seq);
      store.push(f);
      for (const e of detector.frame(f)) {
        if (e.rule !== 'share-skew' || e.state !== 'firing') continue;
        const rows = shareWindow(store, DEFAULT_CONFIG.windowMs).shares;
        const named = rows.filter((r) => e.servers.includes(r.id));
        expect(named.map((r) => r.id)).toEqual(['app-04', 'app-05']);
        expect(named.every((r) => r.pool === 'web')).toBe(true);
        // the message's "2.2x their weighted share", worked out from the bars' figures
        expect(e.message).toContain(`get ${times(named.map((r) => r.ratio))} their weighted share`);
        expect(e.message).toContain(
          `get ${times(named.map((r) => r.share / r.expected))} their weighted share`,
        );
        checked++;
      }
    }
    expect(checked).toBe(1);
  });
});
