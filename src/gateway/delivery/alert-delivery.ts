/**
 * Alerts that leave the gateway: every transition to Alertmanager (`--alertmanager`) and to a
 * webhook (`--webhook`), and the alerts still firing to Alertmanager again every minute, so it
 * never times one out while it lasts. Each receiver has its own queue: one down does not hold
 * up the other, and neither holds up frames.
 */
import type { AlertPayload } from '../ops/alert-payload';
import type { Logger } from '../ops/logger';
import { alertmanagerAlert, webhookMessage, type DeliveryContext } from './alertmanager-format';
import { postJson } from './post-json';
import { createRetryQueue, type RetryQueue, type RetryQueueStats } from './retry-queue';

export interface AlertDeliveryOptions extends DeliveryContext {
  /** Alertmanager's base URL, e.g. http://127.0.0.1:9093 */
  alertmanager?: string;
  webhook?: string;
  log: Logger;
  /** how often alerts still firing are sent again; default 60 s (Alertmanager's resolve_timeout is 5 min) */
  resendMs?: number;
  post?: (url: string, body: unknown) => Promise<void>;
  firstWaitMs?: number;
}

export interface AlertDelivery {
  /** an alert fired or resolved */
  transition(alert: AlertPayload): void;
  /**
   * Takes over the alerts firing without sending them (another gateway did): they are re-sent
   * to Alertmanager while they fire, and their resolution goes out as any other. [] forgets them.
   */
  carryOn(firing: readonly AlertPayload[]): void;
  /** per receiver: `alertmanager` and `webhook`, when configured */
  stats(): Record<string, RetryQueueStats>;
  stop(): void;
}

export const alertmanagerEndpoint = (base: string) => `${base.replace(/\/+$/, '')}/api/v2/alerts`;

export function createAlertDelivery(opts: AlertDeliveryOptions): AlertDelivery {
  const post = opts.post ?? postJson;
  const firing = new Map<string, AlertPayload>();
  const queues: Record<string, RetryQueue<unknown>> = {};
  const queue = (kind: string, url: string) =>
    (queues[kind] = createRetryQueue<unknown>({
      name: `${kind} ${url}`,
      send: (body) => post(url, body),
      log: opts.log,
      ...(opts.firstWaitMs !== undefined && { firstWaitMs: opts.firstWaitMs }),
    }));
  const am = opts.alertmanager
    ? queue('alertmanager', alertmanagerEndpoint(opts.alertmanager))
    : undefined;
  const hook = opts.webhook ? queue('webhook', opts.webhook) : undefined;

  // while Alertmanager is down a resend would only queue behind the transitions: skip it
  const resend = setInterval(() => {
    if (!am || firing.size === 0 || !am.idle()) return;
    am.push([...firing.values()].map((a) => alertmanagerAlert(a, opts)));
  }, opts.resendMs ?? 60_000);
  resend.unref();

  return {
    transition(alert) {
      if (alert.state === 'firing') firing.set(alert.id, alert);
      else firing.delete(alert.id);
      am?.push([alertmanagerAlert(alert, opts)]);
      hook?.push(webhookMessage(alert, opts));
    },
    carryOn(alerts) {
      firing.clear();
      for (const alert of alerts) firing.set(alert.id, alert);
    },
    stats: () => Object.fromEntries(Object.entries(queues).map(([k, q]) => [k, q.stats()])),
    stop() {
      clearInterval(resend);
      for (const q of Object.values(queues)) q.stop();
    },
  };
}
