/**
 * The log line of an alert transition, so an alert reads the same in every gateway's log
 * whichever part of it fired: `alert firing: <message>` with the alert's fields.
 */
import type { AlertPayload } from './alert-payload';
import type { Logger } from './logger';

export function logAlert(logger: Logger, alert: AlertPayload): void {
  logger.info(`alert ${alert.state}: ${alert.message}`, {
    alert: alert.id,
    state: alert.state,
    rule: alert.rule,
    servers: alert.servers,
    cause: alert.cause,
    // frame times: a replay's alerts are at the recording's times, not the wall clock's
    frameTime: new Date(alert.t).toISOString(),
    since: new Date(alert.since).toISOString(),
  });
}
