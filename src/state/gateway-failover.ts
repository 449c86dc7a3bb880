/**
 * Moves the page's one Socket.IO connection along its gateway list (`?gateway=a,b`) when the
 * gateway it is on is gone. The manager builds a new engine from its options on every
 * reconnection attempt, so pointing those options at the next origin is the whole move; the
 * handshake's `resumeAfterSeq` and `gatewayId` are read afresh on each attempt, so a gateway of
 * the same cluster carries on after the last frame the page holds.
 */
import type { Socket } from 'socket.io-client';
import { engineAddress, type GatewayRotation } from './gateway-list';
import type { DashboardStore } from './store';

/** Disconnects that are not a gateway going away: we closed, or the gateway sent us off. */
const NOT_GONE = new Set(['io client disconnect', 'io server disconnect']);

/** Follows `rotation` on `socket`'s failures; listen after the client's own handlers. */
export function followGatewayList(
  socket: Socket,
  rotation: GatewayRotation,
  store: DashboardStore,
): void {
  const state = store.getState;
  const failed = (why: string) => {
    const from = rotation.current();
    const next = rotation.failed();
    if (next === from) return;
    Object.assign(socket.io.opts, engineAddress(next));
    state().setGateway({ ...state().gateway, url: next });
    state().setConnection(
      'reconnecting',
      `${from ?? 'the gateway'} is gone (${why}): trying ${next}`,
    );
  };
  socket.on('connect', () => rotation.connected());
  socket.on('disconnect', (reason) => {
    if (!NOT_GONE.has(reason)) failed(reason);
  });
  socket.on('connect_error', (err) => {
    // a gateway that refuses the token is there; its peers would refuse it alike
    if (err.message !== 'unauthorized') failed(err.message);
  });
}
