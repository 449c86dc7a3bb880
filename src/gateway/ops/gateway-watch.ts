/**
 * What the log says about a running gateway without being asked: when the source starts or
 * stops delivering, and how many clients are connected (when that changed, at most every
 * CLIENT_LOG_MS, so a wall of 500 pages reconnecting writes one line, not 500).
 */
import type { Readiness } from '../hub';
import type { Logger } from './logger';

export interface WatchedGateway {
  readiness(): Readiness;
  clients(): number;
  source(): string;
}

const TICK_MS = 1000;
const CLIENT_LOG_MS = 10_000;

/** Starts watching; returns how to stop. */
export function watchGateway(gw: WatchedGateway, logger: Logger): () => void {
  let ready: boolean | undefined;
  let loggedClients = 0;
  let clientsLoggedAt = 0;
  const tick = () => {
    const now = gw.readiness();
    if (now.ready !== ready) {
      // the first look logs only good news: a source takes a moment to send its first frame
      if (now.ready) logger.info('source delivering', { source: gw.source() });
      // a replay played to its end has nothing more to send: that is news, not trouble
      else if (now.finished) logger.info('source finished', { source: gw.source() });
      else if (ready !== undefined) {
        const why = now.problem === undefined ? '' : `: ${now.problem}`;
        logger.warn(`source stalled: no frame for ${now.lastFrameAgoMs ?? '?'} ms${why}`, {
          source: gw.source(),
          lastFrameAgoMs: now.lastFrameAgoMs,
          ...(now.problem !== undefined && { problem: now.problem }),
        });
      }
      if (now.ready || ready !== undefined) ready = now.ready;
    }
    const clients = gw.clients();
    const at = Date.now();
    if (clients !== loggedClients && at - clientsLoggedAt >= CLIENT_LOG_MS) {
      logger.info(`clients: ${clients}`, { clients });
      loggedClients = clients;
      clientsLoggedAt = at;
    }
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
