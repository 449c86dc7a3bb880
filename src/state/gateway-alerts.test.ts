import { describe, expect, it } from 'vitest';
import type { AlertPayload, Frame, Hello } from '../core/protocol/protocol';
import { createGatewayAlerts } from './gateway-alerts';
import { createDashboardStore } from './store';

const T0 = Date.UTC(2024, 4, 15, 14, 0);
const payload = (
  servers: string[],
  state: AlertPayload['state'],
  since: number,
  t = since,
): AlertPayload => ({
  v: 1,
  id: `share-skew:${servers.join(',')}:${since}`,
  state,
  t,
  since,
  rule: 'share-skew',
  servers,
  cause: 'load-balancer',
  message: `${servers.join(', ')} get 2.2x their weighted share`,
});
const skew = payload(['app-04', 'app-07'], 'firing', T0);
const other = payload(['app-02'], 'firing', T0 + 10_000);
const hello = (now: number): Hello => ({
  v: 1,
  source: 'sim:lb-misconfig',
  mode: 'live',
  intervalMs: 10_000,
  servers: [],
  now,
});
const frame = (t: number): Frame => ({ v: 1, seq: 0, t, intervalMs: 10_000, samples: [] });

function setup() {
  const store = createDashboardStore();
  const alerts = createGatewayAlerts(store);
  const firing = () => store.getState().alerts.map((a) => a.id);
  return { store, alerts, firing };
}

describe("the page shows the gateway's alerts", () => {
  it('a firing alert shows, with its start, and its episode is on the time axis', () => {
    const { store, alerts } = setup();
    alerts.alert(skew);
    expect(store.getState().alerts).toEqual([
      {
        id: skew.id,
        rule: 'share-skew',
        servers: ['app-04', 'app-07'],
        cause: 'load-balancer',
        message: skew.message,
        startT: T0,
      },
    ]);
    const marks = store.getState().annotations.filter((a) => a.kind === 'alert');
    expect(marks.map((a) => [a.id, a.t, a.endT])).toEqual([
      [`alert:share-skew:app-04,app-07:${T0}`, T0, undefined],
    ]);
  });

  it('its resolution takes it down and closes its episode on the time axis', () => {
    const { store, alerts, firing } = setup();
    alerts.alert(skew);
    alerts.alert({ ...skew, state: 'resolved', t: T0 + 60_000 });
    expect(firing()).toEqual([]);
    const marks = store.getState().annotations.filter((a) => a.kind === 'alert');
    expect(marks.map((a) => [a.t, a.endT])).toEqual([[T0, T0 + 60_000]]);
    expect(store.getState().alertHistory.map((e) => e.state)).toEqual(['firing', 'resolved']);
  });

  it('an alert resent on reconnecting is not a second transition', () => {
    const { store, alerts, firing } = setup();
    alerts.alert(skew);
    const held = store.getState();
    alerts.connected(hello(T0 + 30_000));
    alerts.alert(skew);
    expect(firing()).toEqual([skew.id]);
    expect(store.getState().alertHistory).toHaveLength(1);
    // nothing changed, so nothing redraws: the same alerts and the same marks
    expect(store.getState().alerts).toBe(held.alerts);
    expect(store.getState().annotations).toBe(held.annotations);
  });

  it('after a reconnect, an alert that resolved meanwhile goes at the first live frame', () => {
    const { alerts, firing } = setup();
    alerts.alert(skew);
    alerts.alert(other);
    alerts.connected(hello(T0 + 30_000));
    // the buffered frames, then the one still firing
    alerts.frame(frame(T0 + 20_000));
    alerts.frame(frame(T0 + 30_000));
    alerts.alert(skew);
    // in the order they fired: a resend moves nothing on screen
    expect(firing()).toEqual([skew.id, other.id]);
    alerts.frame(frame(T0 + 40_000));
    expect(firing()).toEqual([skew.id]);
    // later frames change nothing
    alerts.alert(other);
    alerts.frame(frame(T0 + 50_000));
    expect(firing()).toEqual([skew.id, other.id]);
  });

  it('an alert that resolved while the page was away closes its mark and is a resolution', () => {
    const { store, alerts } = setup();
    alerts.alert(skew);
    alerts.alert(other);
    alerts.connected(hello(T0 + 30_000));
    alerts.alert(skew);
    alerts.frame(frame(T0 + 40_000));
    // the mark of the one not resent ends by the gateway's newest frame when the page came back
    const marks = store.getState().annotations.filter((a) => a.kind === 'alert');
    expect(marks.map((a) => [a.t, a.endT])).toEqual([
      [T0, undefined],
      [T0 + 10_000, T0 + 30_000],
    ]);
    // a transition for the notifier and the history, saying what happened
    const last = store.getState().alertHistory.at(-1)!;
    expect(last).toMatchObject({ state: 'resolved', servers: ['app-02'], t: T0 + 30_000 });
    expect(last.message).toContain('resolved while this page was disconnected');
  });

  it('a new gateway forgets what the old one said', () => {
    const { store, alerts, firing } = setup();
    alerts.alert(skew);
    alerts.reset();
    expect(firing()).toEqual([]);
    expect(store.getState().alertHistory).toEqual([]);
  });
});
