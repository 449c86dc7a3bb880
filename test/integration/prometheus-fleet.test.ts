/**
 * The `prometheus:` source as a team meets it: Debian's HAProxy (built-in exporter) in front of
 * loopback backends, scraped every second by Debian's Prometheus, read by the gateway every
 * second. A `balance source` backend pinned by one client is alerted with the right server; a
 * Prometheus behind basic auth is read with SKEWBOARD_SOURCE_AUTH, and never without it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { parsePayload, type AlertPayload } from '../../src/core/protocol/protocol';
import {
  cleanupsAfterEach,
  startBackends,
  startHaproxy,
  startPrometheus,
  startPrometheusGateway,
  until,
  watchGateway,
} from '../support/services';

const TEST_MS = 90_000;
const later = cleanupsAfterEach();

/** Requests through `url` from one client until stopped, a few ms apart. */
function steadyLoad(url: string): { stop: () => Promise<void>; sent: () => number } {
  let stopped = false;
  let sent = 0;
  const loop = (async () => {
    while (!stopped) {
      await fetch(url)
        .then((r) => r.text())
        .catch(() => '');
      sent++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const stop = async () => {
    stopped = true;
    await loop;
  };
  later(stop);
  return { stop, sent: () => sent };
}

describe('prometheus: source on a real fleet', () => {
  it(
    'a balance source backend pinned by one client: the share-skew alert names the pinned server',
    async () => {
      const backends = await startBackends(['web1', 'web2', 'web3', 'web4'], later);
      const haproxy = await startHaproxy({ backends, balance: 'source' }, later);
      const prometheus = await startPrometheus({ targets: [haproxy.exporter] }, later);
      // a shorter window and sustain than production's, so the test takes seconds, not minutes
      const dir = await mkdtemp(join(tmpdir(), 'skewboard-test-'));
      later(() => rm(dir, { recursive: true, force: true }));
      const config = join(dir, 'detector.json');
      await writeFile(config, JSON.stringify({ windowMs: 5000, shareSkew: { fireAfterMs: 3000 } }));
      const gateway = await startPrometheusGateway(prometheus.url, later, {
        args: ['--config', config],
      });
      const socket = io(gateway.url, { transports: ['websocket'], forceNew: true });
      later(() => void socket.close());
      const alerts: AlertPayload[] = [];
      socket.on('alert', (payload: unknown) => {
        const parsed = parsePayload('alert', payload);
        if (parsed.ok) alerts.push(parsed.value);
      });

      const load = steadyLoad(haproxy.frontUrl);
      await until(
        45_000,
        () => alerts.some((a) => a.rule === 'share-skew' && a.state === 'firing'),
        () =>
          `no share-skew alert after ${load.sent()} requests; hits ${JSON.stringify(backends)}\n${gateway.output()}`,
      );
      // one client address: HAProxy's source hash sent everything to one server
      const served = backends.filter((b) => b.hits > 0);
      expect(served).toHaveLength(1);
      const pinned = `app/${served[0]!.name}`;
      const fired = alerts.find((a) => a.rule === 'share-skew' && a.state === 'firing')!;
      expect(fired.servers).toEqual([pinned]);
      expect(fired.cause).toBe('load-balancer');
      expect(fired.message).toContain(pinned);

      // the same alert for whoever asks the gateway, with no page open
      const listed = (await fetch(new URL('/api/alerts', gateway.url)).then((r) =>
        r.json(),
      )) as AlertPayload[];
      expect(listed.map((a) => [a.rule, a.servers])).toContainEqual(['share-skew', [pinned]]);
      await load.stop();
    },
    TEST_MS,
  );

  it(
    'a Prometheus behind basic auth: refused and said so without credentials, read with SKEWBOARD_SOURCE_AUTH',
    async () => {
      const backends = await startBackends(['web1', 'web2'], later);
      const haproxy = await startHaproxy({ backends }, later);
      const SECRET = 'scrape-secret';
      const basic = {
        authorization: `Basic ${Buffer.from(`skewboard:${SECRET}`).toString('base64')}`,
      };
      const prometheus = await startPrometheus(
        {
          targets: [haproxy.exporter],
          // Prometheus' web config takes bcrypt hashes only: this is "scrape-secret", cost 8
          webConfig: [
            'basic_auth_users:',
            "  skewboard: '$2b$08$hQlr0sMQWH9bqaN7sXJZPORPtgbC25Fwy32sAItLD0m0W1cb9nWFu'",
            '',
          ].join('\n'),
          headers: basic,
        },
        later,
      );
      expect((await fetch(`${prometheus.url}/api/v1/query?query=up`)).status).toBe(401);

      const refused = await startPrometheusGateway(prometheus.url, later);
      await until(
        20_000,
        () => refused.output().includes('HTTP 401'),
        () => `no 401 said:\n${refused.output()}`,
      );
      const readyz = await fetch(new URL('/readyz', refused.url));
      expect(readyz.status).toBe(503);
      expect(((await readyz.json()) as { problem?: string }).problem).toContain('HTTP 401');

      const allowed = await startPrometheusGateway(prometheus.url, later, {
        env: { SKEWBOARD_SOURCE_AUTH: `skewboard:${SECRET}` },
      });
      const { hellos } = watchGateway(allowed.url, later);
      await until(
        20_000,
        () => hellos.at(-1)?.servers.length === 2,
        () => `hellos ${JSON.stringify(hellos)}\n${allowed.output()}`,
      );
      expect(hellos.at(-1)!.servers.map((s) => s.id)).toEqual(['app/web1', 'app/web2']);
      expect(allowed.output()).not.toContain('HTTP 401');
      expect(allowed.output() + refused.output()).not.toContain(SECRET);
    },
    TEST_MS,
  );
});
