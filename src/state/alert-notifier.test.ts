import { describe, expect, it } from 'vitest';
import type { Alert, AlertEvent } from '../core/detector';
import type { Hello } from '../core/protocol/protocol';
import { startAlertNotifier } from './alert-notifier';
import type { DesktopNotification } from './notify-decision';
import { createDashboardStore } from './store';

const alert: Alert = {
  id: 'share-skew:app-04,app-07',
  rule: 'share-skew',
  servers: ['app-04', 'app-07'],
  cause: 'load-balancer',
  message: 'app-04, app-07 get 2.5x their weighted share',
  startT: 1,
};
const event = (state: AlertEvent['state'], t: number): AlertEvent => ({
  type: 'alert',
  t,
  state,
  rule: alert.rule,
  servers: alert.servers,
  cause: alert.cause,
  message: `${state} at ${t}`,
});
const hello = (mode: Hello['mode']): Hello => ({
  v: 1,
  source: mode === 'live' ? 'sim:lb-misconfig' : 'replay:incident.ndjson.gz',
  mode,
  intervalMs: 10_000,
  servers: [],
  now: 0,
});

/** a page whose browser allows notifications, and what it showed */
function page(mode: Hello['mode']) {
  const store = createDashboardStore();
  store.getState().setSource(hello(mode));
  store.getState().setNotifyPermission('granted');
  const shown: DesktopNotification[] = [];
  startAlertNotifier(store, { show: (n) => shown.push(n) });
  const fire = (t: number) => store.getState().applyAlertEvents([event('firing', t)], [alert]);
  const resolve = (t: number) => store.getState().applyAlertEvents([event('resolved', t)], []);
  return { store, shown, fire, resolve };
}

describe('startAlertNotifier', () => {
  it('live: notifies a firing and its resolution', () => {
    const { shown, fire, resolve } = page('live');
    fire(1);
    resolve(2);
    expect(shown.map((n) => n.body)).toEqual(['firing at 1', 'resolved at 2']);
  });

  it('a gateway replaying a recording never notifies', () => {
    const { shown, fire, resolve } = page('replay');
    fire(1);
    resolve(2);
    expect(shown).toEqual([]);
  });

  it('turned off, it stays quiet; turned on again, it notifies', () => {
    const { store, shown, fire, resolve } = page('live');
    store.getState().setNotifyChoice('off');
    fire(1);
    expect(shown).toEqual([]);
    store.getState().setNotifyChoice('on');
    resolve(2);
    expect(shown.map((n) => n.body)).toEqual(['resolved at 2']);
  });

  it('a firing re-sent on reconnect is not news; a reset is not a resolution', () => {
    const { store, shown, fire } = page('live');
    fire(1);
    fire(1);
    store.getState().resetAlerts();
    expect(shown.map((n) => n.body)).toEqual(['firing at 1']);
  });

  it('keeps telling after the history is trimmed', () => {
    const { shown, fire, resolve } = page('live');
    for (let t = 0; t < 300; t += 2) {
      fire(t);
      resolve(t + 1);
    }
    expect(shown).toHaveLength(300);
  });
});
