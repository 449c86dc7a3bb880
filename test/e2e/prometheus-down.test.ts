/**
 * What the on-call engineer sees when Prometheus goes down under a live dashboard: the page
 * turns stale and says what the gateway's source answers, /readyz answers 503 saying the same,
 * and once Prometheus is back the page is live again with no reload. Real HAProxy, Prometheus
 * and Chromium, each on its own port and temp dir.
 */
import { describe, expect, it } from 'vitest';
import {
  cleanupsAfterEach,
  startBackends,
  startHaproxy,
  startPrometheus,
  startPrometheusGateway,
  until,
} from '../support/services';
import { freePort, launchBrowser } from './harness';
import { attr, waitFor } from './wait';

const later = cleanupsAfterEach();

describe('a live page on a prometheus: source', () => {
  it('goes stale saying why while Prometheus is down, and live again when it is back', async () => {
    const backends = await startBackends(['web1', 'web2'], later);
    const haproxy = await startHaproxy({ backends }, later);
    const prometheus = await startPrometheus({ targets: [haproxy.exporter] }, later);
    const gateway = await startPrometheusGateway(prometheus.url, later);
    const browser = await launchBrowser();
    later(() => browser.close());
    const page = await browser.newPage();
    await page.goto(gateway.url);
    const state = () => attr(page, '[data-testid="connection"]', 'data-state');
    const readyz = async () => {
      const r = await fetch(new URL('/readyz', gateway.url));
      return { status: r.status, body: (await r.json()) as { problem?: string } };
    };

    await until(
      30_000,
      async () => (await page.locator('[data-testid="heatmap"] [data-server]').count()) === 2,
      () => `no heatmap rows for both servers\n${gateway.output()}`,
    );
    await waitFor(state, 'live');
    await until(
      10_000,
      async () => (await readyz()).status === 200,
      () => `never ready\n${gateway.output()}`,
    );

    await prometheus.stop();
    await waitFor(state, 'stale', 20_000);
    // the badge says what the gateway's polls of Prometheus answer, not only that frames stopped
    await until(
      10_000,
      async () => /ECONNREFUSED/.test(await page.locator('[data-testid="connection"]').innerText()),
      () => `the badge does not say why\n${gateway.output()}`,
    );
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.problem).toMatch(/requests query: .*ECONNREFUSED/);

    await prometheus.start();
    await waitFor(state, 'live', 30_000);
    await until(
      10_000,
      async () => (await readyz()).status === 200,
      () => `not ready again\n${gateway.output()}`,
    );
    const output = gateway.output();
    // said once while down, however many polls failed, and once when back; the stall is
    // logged with its reason
    expect(output.match(/ECONNREFUSED[^\n]*trying again/g)).toHaveLength(1);
    expect(output).toMatch(/source stalled: no frame for \d+ ms: requests query: .*ECONNREFUSED/);
    expect(output).toContain(`prometheus:${prometheus.url} answers again`);
  }, 120_000);

  it('says on the page which query came back empty when Prometheus has no series for the preset', async () => {
    // Prometheus scraping a port where nothing listens: no HAProxy series at all
    const prometheus = await startPrometheus({ targets: [`127.0.0.1:${await freePort()}`] }, later);
    const gateway = await startPrometheusGateway(prometheus.url, later, {
      args: ['--interval', '500ms'],
    });
    const browser = await launchBrowser();
    later(() => browser.close());
    const page = await browser.newPage();
    await page.goto(gateway.url);
    const notice = page.locator('[data-testid="source-notice"]');
    // said once the query has stayed empty for 15 s: Prometheus' first scrape can take seconds
    await until(
      40_000,
      async () => (await notice.count()) === 1,
      () => `no notice on the page\n${gateway.output()}`,
    );
    const text = await notice.innerText();
    expect(text).toContain('preset haproxy: the requests query came back empty');
    expect(text).toContain('haproxy_server_loadbalanced_total');
    // frames still come, empty: the page is live, not stale, and says why it shows nothing
    expect(await attr(page, '[data-testid="connection"]', 'data-state')).toBe('live');
  }, 90_000);
});
