/**
 * Test fixtures for the recorders: the hub's hello, a frame a second and a note, on one clock
 * from the seed incident's morning. Only tests import this.
 */
import type { Annotation, Frame, Hello } from '../../core/protocol/protocol';

export const T0 = Date.UTC(2024, 4, 15, 13, 30);

export const hello = (gatewayId = 'g1', source = 'sim:x'): Hello => ({
  v: 1,
  source,
  mode: 'live',
  intervalMs: 1000,
  servers: [{ id: 'a', weight: 1 }],
  now: T0,
  gatewayId,
});

/** Frame `seq`, `seq` seconds after T0. */
export const frame = (seq: number): Frame => ({
  v: 1,
  seq,
  t: T0 + seq * 1000,
  intervalMs: 1000,
  samples: [{ id: 'a', requests: 10, latencyMs: { p50: 1, p95: 2, p99: 3 } }],
});

export const note: Annotation = { v: 1, id: 'n1', t: T0, title: 'held', kind: 'note' };
