/**
 * An alert as Alertmanager takes it (`POST /api/v2/alerts`) and as Alertmanager itself would
 * post it to a webhook receiver (version 4), so anything already wired to Alertmanager reads
 * Skewboard's alerts unchanged. Pure: the delivery queue does the sending.
 */
import { createHash } from 'node:crypto';
import type { AlertPayload } from '../ops/alert-payload';

/** What every delivered alert carries besides the alert itself. */
export interface DeliveryContext {
  /** the gateway's source, e.g. `sim:lb-misconfig` or `haproxy:http://lb:8404/stats;csv` */
  source: string;
  /** the page's address, where an alert's link opens the dashboard at its time */
  pageUrl: string;
}

export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL: string;
}

/** how much of the time around an alert its link shows */
const LINK_MARGIN_MS = 30 * 60_000;
/** Alertmanager's zero time: an alert still firing has no end */
const NO_END = '0001-01-01T00:00:00Z';

const iso = (ms: number) => new Date(ms).toISOString();

/** The dashboard around the alert: from half an hour before it began to half an hour after. */
export function alertLink(alert: AlertPayload, pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('from', String(alert.since - LINK_MARGIN_MS));
  url.searchParams.set('to', String(alert.t + LINK_MARGIN_MS));
  return url.toString();
}

export function alertLabels(alert: AlertPayload, source: string): Record<string, string> {
  return {
    alertname: alert.rule,
    servers: [...alert.servers].sort().join(','),
    cause: alert.cause,
    source,
  };
}

/** The alert for `POST /api/v2/alerts`; `endsAt` only once it has resolved. */
export function alertmanagerAlert(alert: AlertPayload, ctx: DeliveryContext): AlertmanagerAlert {
  return {
    labels: alertLabels(alert, ctx.source),
    annotations: { summary: alert.message },
    startsAt: iso(alert.since),
    ...(alert.state === 'resolved' && { endsAt: iso(alert.t) }),
    generatorURL: alertLink(alert, ctx.pageUrl),
  };
}

/** Alertmanager's own fingerprint is a hash of the labels: any stable hash of them serves. */
function fingerprint(labels: Record<string, string>): string {
  const text = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\u0000');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** One transition as Alertmanager's webhook message (version 4), one alert in it. */
export function webhookMessage(alert: AlertPayload, ctx: DeliveryContext) {
  const am = alertmanagerAlert(alert, ctx);
  const groupLabels = { alertname: am.labels.alertname! };
  return {
    version: '4',
    groupKey: `{}:{alertname=${JSON.stringify(groupLabels.alertname)}}`,
    truncatedAlerts: 0,
    status: alert.state,
    receiver: 'skewboard',
    groupLabels,
    commonLabels: am.labels,
    commonAnnotations: am.annotations,
    externalURL: ctx.pageUrl,
    alerts: [
      {
        status: alert.state,
        labels: am.labels,
        annotations: am.annotations,
        startsAt: am.startsAt,
        endsAt: am.endsAt ?? NO_END,
        generatorURL: am.generatorURL,
        fingerprint: fingerprint(am.labels),
      },
    ],
  };
}
