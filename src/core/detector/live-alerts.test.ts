import { describe, expect, it } from 'vitest';
import { alert as alertSchema } from '../protocol/protocol';
import type { AlertEvent } from './alert';
import { SEED_T0 as T0, seedFrame as frame, seedHello as hello } from './fixtures';
import { alertPayload, createLiveAlerts } from './live-alerts';

describe('createLiveAlerts over the seed pattern', () => {
  const live = createLiveAlerts();
  live.hello(hello);
  const sent: { i: number; firing: string[]; payloads: ReturnType<typeof live.frame> }[] = [];
  for (let i = 0; i < 40; i++) {
    sent.push({ i, payloads: live.frame(frame(i)), firing: live.firing().map((a) => a.id) });
  }
  const payloads = sent.flatMap((s) => s.payloads);
  const fired = payloads.find((p) => p.state === 'firing')!;
  const resolved = payloads.find((p) => p.state === 'resolved')!;

  it('fires share-skew naming app-04 and app-07, cause load-balancer', () => {
    expect(fired).toMatchObject({
      v: 1,
      rule: 'share-skew',
      servers: ['app-04', 'app-07'],
      cause: 'load-balancer',
    });
    expect(fired.since).toBe(fired.t);
    expect(fired.id).toBe(`share-skew:app-04,app-07:${fired.t}`);
  });

  it('resolves with the same id and since, later', () => {
    expect(resolved).toMatchObject({ id: fired.id, since: fired.since, rule: 'share-skew' });
    expect(resolved.t).toBeGreaterThan(fired.t);
  });

  it('says it is firing from the frame that fired it until the one that resolved it', () => {
    const firedAt = sent.find((s) => s.payloads.includes(fired))!.i;
    const resolvedAt = sent.find((s) => s.payloads.includes(resolved))!.i;
    for (const s of sent) {
      const firing = s.i >= firedAt && s.i < resolvedAt;
      expect(s.firing.includes(fired.id), `frame ${s.i}`).toBe(firing);
    }
    expect(live.firing()).toEqual([]);
  });

  it('every payload passes the protocol validator', () => {
    for (const p of payloads) expect(alertSchema.check(p)).toEqual(p);
  });
});

describe('alertPayload keeps to the protocol bounds', () => {
  const event = (servers: string[], message = 'm'): AlertEvent => ({
    type: 'alert',
    t: T0,
    state: 'firing',
    rule: 'server-down',
    servers,
    cause: 'unknown',
    message,
  });

  it.each([
    { name: 'few servers', servers: ['a', 'b'], message: 'short' },
    {
      name: 'a thousand long server ids',
      servers: Array.from({ length: 1000 }, (_, i) => `server-${i}-${'x'.repeat(40)}`),
      message: 'm'.repeat(20_000),
    },
    { name: 'one server id past its bound', servers: ['s'.repeat(5000)], message: 'm' },
  ])('with $name', ({ servers, message }) => {
    const p = alertPayload(event(servers, message), T0);
    expect(alertSchema.check(p)).toEqual(p);
  });

  it('two long lists that differ only at the end get different ids', () => {
    const many = Array.from({ length: 100 }, (_, i) => `server-${i}`);
    const a = alertPayload(event([...many, 'last-a']), T0);
    const b = alertPayload(event([...many, 'last-b']), T0);
    expect(a.id).not.toBe(b.id);
    expect(a.id.length).toBeLessThanOrEqual(300);
  });
});

describe('adopt', () => {
  it("gives an inherited alert's id to its resolution", () => {
    const live = createLiveAlerts();
    live.hello(hello);
    for (let i = 0; i < 20; i++) live.frame(frame(i));
    const [mine] = live.firing();
    expect(mine).toBeDefined();
    const inherited = { ...mine!, id: 'from-the-previous-holder', since: mine!.since - 10_000 };
    live.adopt?.([inherited]);
    expect(live.firing().map((a) => a.id)).toEqual(['from-the-previous-holder']);
    const resolutions = [];
    for (let i = 20; i < 60; i++) resolutions.push(...live.frame(frame(i)));
    const resolved = resolutions.find((a) => a.state === 'resolved');
    expect(resolved?.since).toBe(inherited.since);
    expect(live.firing()).toEqual([]);
  });

  it('ignores an alert the detector does not see firing', () => {
    const live = createLiveAlerts();
    live.hello(hello);
    live.frame(frame(0));
    live.adopt?.([
      alertPayload(
        {
          type: 'alert',
          t: T0,
          state: 'firing',
          rule: 'latency',
          servers: ['x'],
          cause: 'backend',
          message: 'm',
        },
        T0,
      ),
    ]);
    expect(live.firing()).toEqual([]);
  });
});
