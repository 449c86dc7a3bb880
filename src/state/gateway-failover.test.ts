import { EventEmitter } from 'node:events';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { followGatewayList } from './gateway-failover';
import { createGatewayRotation, engineAddress } from './gateway-list';
import { createDashboardStore } from './store';

const A = 'http://gw-a.example:8081';
const B = 'https://gw-b.example';

/** A stand-in for Socket.IO's socket: the events it emits and its manager's engine options. */
function fakeSocket(origin: string | undefined) {
  const events = new EventEmitter();
  const socket = { on: events.on.bind(events), io: { opts: { ...engineAddress(origin) } } };
  return { socket, emit: events.emit.bind(events) };
}

function setUp(origins: string[]) {
  const store = createDashboardStore();
  const { socket, emit } = fakeSocket(origins[0]);
  followGatewayList(socket as unknown as Socket, createGatewayRotation(origins), store);
  return { store, socket, emit };
}

describe('followGatewayList', () => {
  it('points the next attempt at the next gateway after the drop and one failed retry', () => {
    const { store, socket, emit } = setUp([A, B]);
    emit('disconnect', 'transport close');
    expect(socket.io.opts).toEqual(engineAddress(A));
    emit('connect_error', new Error('websocket error'));
    expect(socket.io.opts).toEqual({ hostname: 'gw-b.example', port: '443', secure: true });
    expect(store.getState().gateway?.url).toBe(B);
    expect(store.getState().connection).toBe('reconnecting');
    expect(store.getState().connectionDetail).toBe(`${A} is gone (websocket error): trying ${B}`);
  });

  it('keeps the token it was given when it moves', () => {
    const { store, emit } = setUp([A, B]);
    store.getState().setGateway({ url: A, token: 'r' });
    emit('connect_error', new Error('xhr poll error'));
    emit('connect_error', new Error('xhr poll error'));
    expect(store.getState().gateway).toEqual({ url: B, token: 'r' });
  });

  it.each([
    ['we closed it', 'io client disconnect'],
    ['the gateway sent us off', 'io server disconnect'],
  ])('does not count a disconnect when %s', (_, reason) => {
    const { socket, emit } = setUp([A, B]);
    for (let i = 0; i < 5; i++) emit('disconnect', reason);
    expect(socket.io.opts).toEqual(engineAddress(A));
  });

  it('stays on a gateway that refuses the token: its peers would too', () => {
    const { socket, emit } = setUp([A, B]);
    for (let i = 0; i < 5; i++) emit('connect_error', new Error('unauthorized'));
    expect(socket.io.opts).toEqual(engineAddress(A));
  });

  it('starts the count afresh on a connection', () => {
    const { socket, emit } = setUp([A, B]);
    emit('disconnect', 'ping timeout');
    emit('connect');
    emit('disconnect', 'transport close');
    expect(socket.io.opts).toEqual(engineAddress(A));
    emit('connect_error', new Error('timeout'));
    expect(socket.io.opts).toEqual(engineAddress(B));
  });

  it('never moves the page off its own origin when it has no list', () => {
    const { store, socket, emit } = setUp([]);
    for (let i = 0; i < 5; i++) emit('connect_error', new Error('websocket error'));
    expect(socket.io.opts).toEqual({});
    expect(store.getState().gateway).toBeUndefined();
  });
});
