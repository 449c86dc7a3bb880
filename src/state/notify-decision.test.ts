import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../core/detector';
import {
  freshTransitions,
  notificationFor,
  notifyToggleState,
  notifyUnavailableReason,
  type NotifyChoice,
  type NotifyPermission,
  type NotifySettings,
  type NotifyToggleState,
  type PageMode,
} from './notify-decision';

const event = (state: AlertEvent['state'], servers = ['app-04', 'app-07']): AlertEvent => ({
  type: 'alert',
  t: 1715781320000,
  state,
  rule: 'share-skew',
  servers,
  cause: 'load-balancer',
  message: `${state} message`,
});

describe('notificationFor', () => {
  const modes: PageMode[] = ['live', 'replay'];
  const permissions: NotifyPermission[] = ['granted', 'denied', 'default', 'unavailable'];
  const choices: NotifyChoice[] = ['on', 'off', undefined];
  const rows = modes.flatMap((mode) =>
    permissions.flatMap((permission) =>
      choices.flatMap((choice) =>
        (['firing', 'resolved'] as const).map((state) => ({
          settings: { mode, permission, choice } satisfies NotifySettings,
          state,
          // only live, allowed by the browser and not turned off
          notifies: mode === 'live' && permission === 'granted' && choice !== 'off',
        })),
      ),
    ),
  );

  it.each(rows)('$settings $state -> notifies: $notifies', ({ settings, state, notifies }) => {
    expect(notificationFor(settings, event(state)) !== undefined).toBe(notifies);
  });

  const live: NotifySettings = { mode: 'live', permission: 'granted', choice: 'on' };

  it('says what fired, on which servers, with the detector message', () => {
    expect(notificationFor(live, event('firing'))).toEqual({
      title: '⚠ share-skew: app-04, app-07',
      body: 'firing message',
      tag: 'share-skew:app-04,app-07:firing',
    });
  });

  it('says a resolution is one, without a ⚠, under its own tag', () => {
    expect(notificationFor(live, event('resolved'))).toEqual({
      title: '✓ resolved: share-skew: app-04, app-07',
      body: 'resolved message',
      tag: 'share-skew:app-04,app-07:resolved',
    });
  });
});

describe('notifyToggleState', () => {
  it.each<{ permission: NotifyPermission; choice: NotifyChoice; want: NotifyToggleState }>([
    { permission: 'granted', choice: undefined, want: 'on' },
    { permission: 'granted', choice: 'on', want: 'on' },
    { permission: 'granted', choice: 'off', want: 'off' },
    { permission: 'default', choice: undefined, want: 'off' },
    // turned on once, then the permission reset in the browser's settings: ask again
    { permission: 'default', choice: 'on', want: 'off' },
    { permission: 'default', choice: 'off', want: 'off' },
    { permission: 'denied', choice: 'on', want: 'blocked' },
    { permission: 'denied', choice: undefined, want: 'blocked' },
    { permission: 'unavailable', choice: 'on', want: 'unavailable' },
    { permission: 'unavailable', choice: undefined, want: 'unavailable' },
  ])('$permission, chose $choice -> $want', ({ permission, choice, want }) => {
    expect(notifyToggleState(permission, choice)).toBe(want);
  });
});

describe('notifyUnavailableReason', () => {
  it.each([
    { hasNotificationApi: true, secureContext: true, want: undefined },
    { hasNotificationApi: true, secureContext: false, want: 'needs HTTPS or localhost' },
    { hasNotificationApi: false, secureContext: false, want: 'needs HTTPS or localhost' },
    {
      hasNotificationApi: false,
      secureContext: true,
      want: 'this browser has no desktop notifications',
    },
  ])('api $hasNotificationApi, secure $secureContext -> $want', ({ want, ...env }) => {
    expect(notifyUnavailableReason(env)).toBe(want);
  });
});

describe('freshTransitions', () => {
  it('tells a firing once, even when the gateway re-sends it on reconnect', () => {
    const first = freshTransitions(new Set(), [event('firing')]);
    expect(first.fresh).toHaveLength(1);
    const again = freshTransitions(first.firing, [event('firing')]);
    expect(again.fresh).toHaveLength(0);
  });

  it('tells a resolution, and the same alert firing again after it', () => {
    const fired = freshTransitions(new Set(), [event('firing')]).firing;
    const { firing, fresh } = freshTransitions(fired, [event('resolved'), event('firing')]);
    expect(fresh.map((e) => e.state)).toEqual(['resolved', 'firing']);
    expect([...firing]).toEqual(['share-skew:app-04,app-07']);
  });

  it('tells a resolution of an alert it never saw fire (the page opened while it fired)', () => {
    const { firing, fresh } = freshTransitions(new Set(), [event('resolved')]);
    expect(fresh).toHaveLength(1);
    expect(firing.size).toBe(0);
  });

  it('keeps alerts on other servers apart', () => {
    const fired = freshTransitions(new Set(), [event('firing')]).firing;
    const { fresh } = freshTransitions(fired, [event('firing', ['app-01'])]);
    expect(fresh).toHaveLength(1);
  });
});
