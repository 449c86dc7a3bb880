import { describe, expect, it } from 'vitest';
import type { AlertPayload, Annotation } from '../core/protocol/protocol';
import { forgetBeyondLiveWindow, LIVE_HISTORY_MS } from './live-retention';
import { createDashboardStore } from './store';

const NOW = Date.UTC(2024, 4, 22, 12, 0);
const CUTOFF = NOW - LIVE_HISTORY_MS;
const note = (id: string, t: number, endT?: number): Annotation => ({
  v: 1,
  id,
  t,
  ...(endT !== undefined && { endT }),
  title: id,
  kind: 'note',
});
const alert = (id: string, state: 'firing' | 'resolved', t: number): AlertPayload => ({
  v: 1,
  id,
  state,
  t,
  since: t,
  rule: 'share-skew',
  servers: ['app-04'],
  cause: 'load-balancer',
  message: id,
});

function heldStore() {
  const store = createDashboardStore();
  store
    .getState()
    .changeAnnotations(
      [
        note('week-old', NOW - 7 * 24 * 3600_000),
        note('span-into-window', CUTOFF - 60_000, CUTOFF + 60_000),
        note('just-out', CUTOFF - 1),
        note('at-cutoff', CUTOFF),
        note('recent', NOW - 60_000),
      ].map((a) => ({ upsert: a })),
    );
  store.getState().applyGatewayAlert(alert('old-episode', 'firing', CUTOFF - 120_000));
  store.getState().applyGatewayAlert(alert('old-episode', 'resolved', CUTOFF - 60_000));
  store.getState().applyGatewayAlert(alert('still-firing', 'firing', CUTOFF - 30_000));
  store.getState().applyGatewayAlert(alert('recent', 'firing', NOW - 30_000));
  return store;
}

describe('forgetBeyondLiveWindow', () => {
  it('forgets the notes and alert transitions over before the window, keeps the rest', () => {
    const store = heldStore();
    forgetBeyondLiveWindow(store.getState, NOW);
    const s = store.getState();
    expect(s.annotations.map((a) => a.id)).toEqual(['span-into-window', 'at-cutoff', 'recent']);
    expect(s.alertHistory.map((e) => `${e.message}:${e.state}`)).toEqual(['recent:firing']);
    // an alert firing for longer than the window is still firing: it stays on the banner
    expect(s.alerts.map((a) => a.id).sort()).toEqual(['recent', 'still-firing']);
  });

  it('changes nothing, and tells no subscriber, when nothing is over', () => {
    const store = heldStore();
    forgetBeyondLiveWindow(store.getState, NOW);
    let told = 0;
    store.subscribe(() => told++);
    forgetBeyondLiveWindow(store.getState, NOW);
    expect(told).toBe(0);
  });

  it('does nothing before the first frame', () => {
    const store = heldStore();
    const before = store.getState().annotations;
    forgetBeyondLiveWindow(store.getState, NaN);
    expect(store.getState().annotations).toBe(before);
  });
});
