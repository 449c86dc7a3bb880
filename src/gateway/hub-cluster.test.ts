import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { createLiveAlerts, type LiveAlerts } from '../core/detector';
import type { AlertPayload, Frame, GatewayEventName, Hello } from '../core/protocol/protocol';
import { Hub } from './hub';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const hello: Hello = {
  v: 1,
  source: 'sim:test',
  mode: 'live',
  intervalMs: 1000,
  servers: [{ id: 'a', weight: 1 }],
  now: T0,
};
const frame = (seq: number): Frame => ({
  v: 1,
  seq,
  t: T0 + (seq + 1) * 1000,
  intervalMs: 1000,
  samples: [{ id: 'a', requests: 10, latencyMs: { p50: 1, p95: 2, p99: 3 } }],
});
const firing: AlertPayload = {
  v: 1,
  id: 'share-skew:a:1',
  state: 'firing',
  t: T0,
  since: T0,
  rule: 'share-skew',
  servers: ['a'],
  cause: 'load-balancer',
  message: 'a skews',
};

/** A clustered hub with no clients: what it publishes, and what it passes on from the stream. */
function clusteredHub() {
  const published: string[] = [];
  const passedOn: string[] = [];
  const hub = new Hub(new Server(), {
    bufferFrames: 100,
    bufferAgeMs: 3_600_000,
    publish: (event: GatewayEventName, payload: object) =>
      published.push(`${event} ${(payload as { seq?: number }).seq ?? ''}`.trim()),
    onPayload: (type, payload) =>
      passedOn.push(`${type} ${(payload as { seq?: number }).seq ?? ''}`.trim()),
  });
  return { hub, published, passedOn };
}

describe('a clustered hub', () => {
  it("publishes what its source makes instead of serving it, numbered after the stream's last frame", () => {
    const { hub, published, passedOn } = clusteredHub();
    hub.receive('frame', frame(41));
    hub.takeOver(createLiveAlerts());
    hub.info({ source: 'sim:test', mode: 'live', intervalMs: 1000, servers: hello.servers });
    hub.frame({ t: T0 + 43_000, intervalMs: 1000, samples: frame(0).samples });
    expect(published).toEqual(['hello', 'frame 42']);
    expect(passedOn).toEqual(['frame 41']);
  });

  it.each([
    { name: 'the next frame', seqs: [5, 6, 7], held: [5, 6, 7] },
    { name: 'a frame again (read twice)', seqs: [5, 6, 6, 7], held: [5, 6, 7] },
    { name: 'a hole (the stream trimmed): the buffer starts afresh', seqs: [5, 6, 9], held: [9] },
  ])('serves from the stream: $name', ({ seqs, held }) => {
    const { hub } = clusteredHub();
    for (const seq of seqs) hub.receive('frame', frame(seq));
    expect(hub.log.after(-1).map((f) => f.seq)).toEqual(held);
  });

  it('drops and counts what does not validate', () => {
    const { hub, passedOn } = clusteredHub();
    hub.receive('frame', { seq: 'x' });
    expect(hub.rejectedCount).toBe(1);
    expect(passedOn).toEqual([]);
  });

  it("says the cluster's hello with its own buffer and the cluster's numbering", () => {
    const { hub } = clusteredHub();
    hub.joinNumbering('cluster-1');
    hub.receive('hello', { ...hello, oldestSeq: 0, gatewayId: 'someone-else' });
    hub.receive('frame', frame(7));
    expect(hub.hello()).toMatchObject({ source: 'sim:test', oldestSeq: 7, gatewayId: 'cluster-1' });
  });

  it('knows the alerts firing from the stream, and forgets a resolved one', () => {
    const { hub } = clusteredHub();
    hub.receive('alert', firing);
    expect(hub.firingAlerts().map((a) => a.id)).toEqual([firing.id]);
    hub.receive('alert', { ...firing, state: 'resolved', t: T0 + 5000 });
    expect(hub.firingAlerts()).toEqual([]);
  });

  it('resolves at takeover an alert announced firing that its detector does not find', () => {
    const { hub, published } = clusteredHub();
    hub.receive('hello', hello);
    hub.receive('frame', frame(0));
    hub.receive('alert', firing);
    hub.takeOver(createLiveAlerts());
    expect(published).toEqual(['alert']);
  });

  /** A detector that notes what it takes, in order. */
  function notingDetector(): { alerts: LiveAlerts; taken: string[] } {
    const taken: string[] = [];
    const alerts: LiveAlerts = {
      hello: () => void taken.push('hello'),
      frame: (f) => (taken.push(`frame ${f.seq}`), []),
      firing: () => [],
    };
    return { alerts, taken };
  }
  // the detector takes what it is given in the next turn of the event loop
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  const sourceFrame = (seq: number) => ({
    t: frame(seq).t,
    intervalMs: 1000,
    samples: frame(seq).samples,
  });

  it("as the holder, judges a frame it made once it is back from the stream and out to this gateway's viewers", async () => {
    const { hub, passedOn } = clusteredHub();
    const { alerts, taken } = notingDetector();
    hub.takeOver(alerts);
    hub.info({ source: 'sim:test', mode: 'live', intervalMs: 1000, servers: hello.servers });
    hub.frame(sourceFrame(0));
    hub.frame(sourceFrame(1));
    await nextTurn();
    expect(taken).toEqual([]);
    hub.receive('hello', hello);
    hub.receive('frame', frame(0));
    await nextTurn();
    expect(taken).toEqual(['hello', 'frame 0']);
    expect(passedOn).toEqual(['hello', 'frame 0']);
    hub.receive('frame', frame(1));
    await nextTurn();
    expect(taken).toEqual(['hello', 'frame 0', 'frame 1']);
  });

  it('as the holder, judges its frames anyway when the stream does not bring them back', async () => {
    const { hub } = clusteredHub();
    const { alerts, taken } = notingDetector();
    hub.takeOver(alerts);
    hub.info({ source: 'sim:test', mode: 'live', intervalMs: 1000, servers: hello.servers });
    for (let seq = 0; seq < 8; seq++) hub.frame(sourceFrame(seq));
    await nextTurn();
    // five frames may be on their way; the older ones are judged late rather than never
    expect(taken).toEqual(['hello', 'frame 0', 'frame 1', 'frame 2']);
  });

  it('is not ready while it cannot reach its cluster, and says why', () => {
    const { hub } = clusteredHub();
    hub.receive('hello', hello);
    hub.receive('frame', frame(0));
    expect(hub.readiness().ready).toBe(true);
    hub.clusterTrouble('redis redis://127.0.0.1:6379: connect ECONNREFUSED');
    expect(hub.readiness()).toMatchObject({
      ready: false,
      cluster: expect.stringMatching(/^redis /),
    });
    hub.clusterTrouble(undefined);
    expect(hub.readiness().ready).toBe(true);
  });
});
