import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../ops/alert-payload';
import { alertmanagerAlert, webhookMessage } from './alertmanager-format';

const SINCE = Date.UTC(2024, 4, 15, 13, 55, 20);
const firing: AlertPayload = {
  v: 1,
  id: 'share-skew:app-07,app-04:1715781320000',
  state: 'firing',
  t: SINCE + 20_000,
  since: SINCE,
  rule: 'share-skew',
  servers: ['app-07', 'app-04'],
  cause: 'load-balancer',
  message: 'app-04, app-07 get 2.2x their weighted share: load balancer',
};
const resolved: AlertPayload = { ...firing, state: 'resolved', t: SINCE + 7_200_000 };
const ctx = { source: 'sim:lb-misconfig', pageUrl: 'http://noc.example.org:8080/' };

describe('an alert as Alertmanager takes it', () => {
  it('has the rule, the sorted servers, the cause and the source as labels, the message as summary', () => {
    expect(alertmanagerAlert(firing, ctx)).toEqual({
      labels: {
        alertname: 'share-skew',
        servers: 'app-04,app-07',
        cause: 'load-balancer',
        source: 'sim:lb-misconfig',
      },
      annotations: { summary: firing.message },
      startsAt: '2024-05-15T13:55:20.000Z',
      generatorURL: `http://noc.example.org:8080/?from=${SINCE - 1_800_000}&to=${firing.t + 1_800_000}`,
    });
  });

  it('ends when it resolves, with the same labels, so Alertmanager resolves the same alert', () => {
    const am = alertmanagerAlert(resolved, ctx);
    expect(am.endsAt).toBe('2024-05-15T15:55:20.000Z');
    expect(am.labels).toEqual(alertmanagerAlert(firing, ctx).labels);
  });

  it("links to the page at the alert's time, keeping the page's own path", () => {
    const link = new URL(
      alertmanagerAlert(firing, { ...ctx, pageUrl: 'https://noc.example.org/skewboard/' })
        .generatorURL,
    );
    expect(link.pathname).toBe('/skewboard/');
    expect(Number(link.searchParams.get('from'))).toBeLessThan(SINCE);
    expect(Number(link.searchParams.get('to'))).toBeGreaterThan(firing.t);
  });
});

describe("Alertmanager's webhook message", () => {
  it('says version 4, the status, and the alert with its labels, summary and times', () => {
    const message = webhookMessage(firing, ctx);
    expect(message).toMatchObject({
      version: '4',
      status: 'firing',
      groupLabels: { alertname: 'share-skew' },
      commonLabels: { servers: 'app-04,app-07', cause: 'load-balancer' },
      externalURL: ctx.pageUrl,
    });
    expect(message.alerts).toHaveLength(1);
    expect(message.alerts[0]).toMatchObject({
      status: 'firing',
      annotations: { summary: firing.message },
      startsAt: '2024-05-15T13:55:20.000Z',
      endsAt: '0001-01-01T00:00:00Z',
    });
  });

  it('gives a resolution the fingerprint of its firing, and its end', () => {
    const [fired] = webhookMessage(firing, ctx).alerts;
    const [ended] = webhookMessage(resolved, ctx).alerts;
    expect(ended!.status).toBe('resolved');
    expect(ended!.endsAt).toBe('2024-05-15T15:55:20.000Z');
    expect(ended!.fingerprint).toBe(fired!.fingerprint);
    expect(fired!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});
