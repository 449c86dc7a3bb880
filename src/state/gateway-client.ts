/**
 * Feeds the store from a gateway over Socket.IO: validates every payload at the edge, resumes
 * after the last seq it holds on reconnect, and judges staleness by when frames arrive.
 */
import { Manager, type Socket } from 'socket.io-client';
import {
  parsePayload,
  type AlertPayload,
  type Annotation,
  type Frame,
  type GatewayEventName,
  type Hello,
  type SourceStatus,
  type WriteAck,
  writeAck,
} from '../core/protocol/protocol';
import { ingest } from '../core/ingest/ingest';
import type { AnnotationChange } from './annotation-list';
import { createFramePump } from './frame-pump';
import { createGatewayAlerts } from './gateway-alerts';
import { followGatewayList } from './gateway-failover';
import { createGatewayRotation, engineAddress } from './gateway-list';
import { forgetBeyondLiveWindow } from './live-retention';
import type { DashboardStore } from './store';
import { createWakeReconnect, onTabWake } from './wake-reconnect';

export interface GatewayClientOptions {
  /** gateway origins, the next tried when one is gone; none = the page's own */
  urls?: readonly string[];
  token?: string;
}

/** missing this many frame intervals makes the connection stale (CONTRACT section 1) */
const STALE_INTERVALS = 3;
/**
 * the longest a catch-up is held back to land as one batch: past it, a slow or long catch-up
 * (hours of frames) is drawn as it comes
 */
const CATCH_UP_HOLD_MS = 1000;
/** failed reconnects after which the badge says offline rather than reconnecting */
const OFFLINE_AFTER_ATTEMPTS = 5;

export function connectGateway(store: DashboardStore, opts: GatewayClientOptions = {}): () => void {
  const state = store.getState;
  let gatewayId: string | undefined;
  let wallIntervalMs = 1000;
  let lastArrival = performance.now();
  // what the gateway says its source's system answers while frames do not come
  let sourceProblem: string | undefined;
  const staleDetail = () => {
    const silent = `no frame for ${((performance.now() - lastArrival) / 1000).toFixed(1)} s`;
    return sourceProblem === undefined ? silent : `${silent}; the source: ${sourceProblem}`;
  };

  // live, the page shows the gateway's alerts and runs no detector of its own
  const alerts = createGatewayAlerts(store);
  let connecting = false;
  const pump = createFramePump<Frame>((batch) => {
    const { series } = state();
    ingest(
      { series },
      batch.map((frame) => ({ frame })),
    );
    state().seriesChanged();
    forgetBeyondLiveWindow(state, series.newestT);
  });
  // a gateway sends every note it holds on connecting, one event each: thousands after a
  // flood. They land in one merge per animation frame, not one merge and render per note.
  const notes = createFramePump<AnnotationChange>((batch) => state().changeAnnotations(batch));

  const rotation = createGatewayRotation(opts.urls ?? []);
  // a manager of our own: io(url) would pin it to one address
  const manager = new Manager({
    ...engineAddress(rotation.current()),
    transports: ['websocket', 'polling'],
  });
  const socket: Socket = manager.socket('/', {
    auth: (cb) => {
      // the pump may hold frames the store has not seen yet; resume after those too
      pump.flush();
      const held = state().series.newestSeq;
      cb({
        ...(opts.token !== undefined && { token: opts.token }),
        ...(held >= 0 && { resumeAfterSeq: held }),
        ...(gatewayId !== undefined && { gatewayId }),
      });
    },
  });

  const on = (event: GatewayEventName, handle: (payload: never) => void) =>
    socket.on(event, (payload: unknown) => {
      const parsed = parsePayload(event, payload);
      if (parsed.ok) handle(parsed.value as never);
      else state().reportBadInput(parsed.error);
    });

  on('hello', (hello: Hello) => {
    const { series } = state();
    if (hello.gatewayId !== undefined && gatewayId !== undefined && hello.gatewayId !== gatewayId) {
      // a new gateway numbers its frames afresh; what we hold cannot be resumed from
      pump.flush();
      series.clearFrames();
      alerts.reset();
    }
    if (connecting) alerts.connected(hello);
    connecting = false;
    gatewayId = hello.gatewayId;
    wallIntervalMs = hello.intervalMs / (hello.speed && hello.speed > 0 ? hello.speed : 1);
    ingest({ series }, [{ hello }]);
    // the frames the gateway resends next (a tab back from sleep: hundreds) land as one batch
    const caughtUpAt = hello.newestSeq;
    if (caughtUpAt !== undefined && caughtUpAt > series.newestSeq) {
      pump.holdUntil((frame) => frame.seq >= caughtUpAt, CATCH_UP_HOLD_MS);
    }
    state().setSource(hello);
    state().seriesChanged();
  });
  on('frame', (frame: Frame) => {
    lastArrival = performance.now();
    if (state().connection === 'stale') state().setConnection('live');
    alerts.frame(frame);
    pump.push(frame);
  });
  on('alert', (alert: AlertPayload) => alerts.alert(alert));
  on('source-status', (status: SourceStatus) => {
    sourceProblem = status.state === 'failing' ? status.problem : undefined;
    state().setSourceNotice(status.state === 'ok' ? status.notice : undefined);
    if (state().connection === 'stale') state().setConnection('stale', staleDetail());
  });
  on('annotation', (a: Annotation) => notes.push({ upsert: a }));
  on('annotation:remove', (r: { id: string }) => notes.push({ remove: r.id }));

  socket.on('connect', () => {
    connecting = true;
    lastArrival = performance.now();
    state().setConnection('live');
  });
  // set while the page reopens its own socket: that disconnect is no one going offline
  let reopening = false;
  const wake = createWakeReconnect({
    now: () => performance.now(),
    connected: () => socket.connected,
    // a task later: called from a disconnect handler, socket.io is still closing then
    reconnectNow: () =>
      setTimeout(() => {
        reopening = true;
        socket.disconnect();
        reopening = false;
        socket.connect();
      }),
  });
  const stopWaking = onTabWake(() => wake.woke());
  socket.on('disconnect', (reason) => {
    if (reopening) state().setConnection('reconnecting', 'the tab is back: reconnecting now');
    else if (reason === 'io client disconnect') state().setConnection('offline', 'disconnected');
    else state().setConnection('reconnecting', reason);
    wake.dropped(reason);
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'unauthorized') {
      state().setConnection('offline', 'unauthorized: the gateway needs a token (?token=)');
    } else if (state().connection !== 'offline') {
      state().setConnection('reconnecting', err.message);
    }
  });
  socket.io.on('reconnect_attempt', (attempt) => {
    if (attempt > OFFLINE_AFTER_ATTEMPTS && state().connection !== 'offline') {
      state().setConnection('offline', `no answer after ${attempt - 1} attempts; still trying`);
    }
  });
  followGatewayList(socket, rotation, store);

  const write = (event: string, payload: object) =>
    new Promise<WriteAck>((resolve) => {
      if (!socket.connected) {
        resolve({ ok: false, error: 'not connected to the gateway' });
        return;
      }
      socket.timeout(5000).emit(event, payload, (err: Error | null, res: unknown) => {
        if (err) resolve({ ok: false, error: 'the gateway did not answer within 5 s' });
        else resolve(readAck(res));
      });
    });
  state().setNoteWriter({
    add: (note) => write('annotate', note),
    update: (note) => write('annotate:update', note),
    remove: (id) => write('annotate:remove', { v: 1, id }),
  });

  const staleCheck = setInterval(() => {
    const silentFor = performance.now() - lastArrival;
    if (state().connection === 'live' && silentFor > STALE_INTERVALS * wallIntervalMs) {
      // since the last frame came, on the wall clock
      const since = Date.now() - silentFor;
      state().setConnection('stale', staleDetail(), since);
    }
  }, 250);

  return () => {
    state().setNoteWriter(undefined);
    clearInterval(staleCheck);
    stopWaking();
    pump.dispose();
    notes.dispose();
    socket.disconnect();
  };
}

/** The gateway's answer to a write, or a refusal that says it could not be read. */
function readAck(res: unknown): WriteAck {
  try {
    return writeAck.check(res);
  } catch {
    return { ok: false, error: 'the gateway answered with something unreadable' };
  }
}
