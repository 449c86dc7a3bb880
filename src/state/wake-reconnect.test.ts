import { describe, expect, it } from 'vitest';
import { createWakeReconnect, WAKE_GRACE_MS } from './wake-reconnect';

function setup(connected: boolean) {
  let now = 1000;
  const calls: number[] = [];
  const state = { connected };
  const wake = createWakeReconnect({
    now: () => now,
    connected: () => state.connected,
    reconnectNow: () => calls.push(now),
  });
  return { wake, calls, state, advance: (ms: number) => (now += ms) };
}

describe('createWakeReconnect', () => {
  it.each([
    { connected: false, expected: 1, why: 'a socket down on waking reopens at once' },
    { connected: true, expected: 0, why: 'a socket still up is left alone' },
  ])('$why', ({ connected, expected }) => {
    const { wake, calls } = setup(connected);
    wake.woke();
    expect(calls).toHaveLength(expected);
  });

  it.each([
    { afterMs: 0, reason: 'ping timeout', expected: 1 },
    { afterMs: WAKE_GRACE_MS, reason: 'transport close', expected: 1 },
    { afterMs: WAKE_GRACE_MS + 1, reason: 'transport close', expected: 0 },
    { afterMs: 10, reason: 'io client disconnect', expected: 0 },
  ])('a drop $afterMs ms after waking ($reason): $expected reconnect', (c) => {
    const { wake, calls, advance } = setup(true);
    wake.woke();
    advance(c.afterMs);
    wake.dropped(c.reason);
    expect(calls).toHaveLength(c.expected);
  });

  it('reopens once for a waking told by several events, whatever drops after', () => {
    const { wake, calls, state, advance } = setup(true);
    wake.woke();
    wake.dropped('ping timeout');
    state.connected = false;
    advance(50);
    wake.woke();
    wake.dropped('transport close');
    expect(calls).toHaveLength(1);
  });

  it('reopens again for a later waking', () => {
    const { wake, calls, advance } = setup(false);
    wake.woke();
    advance(WAKE_GRACE_MS + 1);
    wake.woke();
    expect(calls).toHaveLength(2);
  });

  it('leaves a drop with no wake before it to the backoff (a gateway in trouble)', () => {
    const { wake, calls } = setup(true);
    wake.dropped('transport close');
    expect(calls).toHaveLength(0);
  });
});
