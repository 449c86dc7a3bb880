/**
 * The `prometheus:` source against real parts: Debian's HAProxy with its built-in exporter, in
 * front of two Node backends, scraped every second by Debian's Prometheus; the gateway polls
 * Prometheus every second. Everything on 127.0.0.1, each on its own port and temp dir.
 */
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Frame, SourceStatus } from '../../src/core/protocol/protocol';
import { freePort } from '../e2e/harness';
import {
  cleanupsAfterEach,
  startBackends,
  startHaproxy,
  startPrometheus,
  startPrometheusGateway,
  until,
  watchGateway,
} from '../support/services';

const TEST_MS = 60_000;
const later = cleanupsAfterEach();

describe('serve --source prometheus:<url> (haproxy preset)', () => {
  it(
    "sends a hello listing HAProxy's servers and frames counting the requests driven through it",
    async () => {
      const backends = await startBackends(['web1', 'web2'], later);
      const haproxy = await startHaproxy({ backends }, later);
      const { url: prometheus } = await startPrometheus({ targets: [haproxy.exporter] }, later);
      const gateway = await startPrometheusGateway(prometheus, later);
      const { socket, hellos, frames } = watchGateway(gateway.url, later);
      const why = () =>
        `hellos ${JSON.stringify(hellos)}\nframes ${JSON.stringify(frames.slice(-3))}\n${gateway.output()}`;

      // a frame with both servers: Prometheus has scraped HAProxy twice since the gateway began
      await until(
        20_000,
        () => frames.some((f) => f.samples.length === 2),
        () => `no frame with both servers; ${why()}`,
      );
      const hello = hellos.at(-1)!;
      expect(hello.source).toBe(`prometheus:${prometheus}`);
      expect(hello.intervalMs).toBe(1000);
      // the haproxy preset's latency is a mean, and the page must not call it a p95
      expect(hello.latency).toBe('mean');
      expect(hello.servers).toEqual([
        { id: 'app/web1', label: 'web1', pool: 'app', weight: 1 },
        { id: 'app/web2', label: 'web2', pool: 'app', weight: 1 },
      ]);

      // from here on, every request is counted in a frame still to come
      const counted = new Map<string, number>();
      socket.on('frame', (f: Frame) => {
        for (const s of f.samples) counted.set(s.id, (counted.get(s.id) ?? 0) + s.requests);
      });
      const before = frames.length;
      for (const b of backends) b.hits = 0;
      const REQUESTS = 40;
      for (let i = 0; i < REQUESTS; i++) await fetch(haproxy.frontUrl).then((r) => r.text());
      expect(backends.map((b) => b.hits)).toEqual([REQUESTS / 2, REQUESTS / 2]);

      // the frames add up to what each backend served, once Prometheus has scraped it
      const sum = () => [...counted.values()].reduce((a, b) => a + b, 0);
      await until(
        20_000,
        () => sum() === REQUESTS,
        () => `frames counted ${sum()}; ${why()}`,
      );
      expect(Object.fromEntries(counted)).toEqual({
        'app/web1': backends[0]!.hits,
        'app/web2': backends[1]!.hits,
      });
      const busy = frames.slice(before).filter((f) => f.samples.some((s) => s.requests > 0));
      for (const f of busy) {
        expect(f.intervalMs).toBeGreaterThan(500);
        for (const s of f.samples) {
          expect(s).toMatchObject({ up: true, weight: 1, errors: 0 });
          // only a mean is known; a server that served nothing has none
          if (s.requests === 0) expect(s.latencyMs).toBeNull();
          else expect(s.latencyMs!.p50).toBe(s.latencyMs!.p99);
        }
      }
      expect(gateway.output()).not.toContain('came back empty');
    },
    TEST_MS,
  );

  it(
    'a Prometheus without HAProxy series: the warning names the empty requests query, once',
    async () => {
      // Prometheus scraping only itself
      const port = await freePort();
      const { url: prometheus } = await startPrometheus({ targets: [`127.0.0.1:${port}`] }, later);
      const gateway = await startPrometheusGateway(prometheus, later, {
        args: ['--interval', '200ms'],
      });
      const socket = io(gateway.url, { transports: ['websocket'], forceNew: true });
      later(() => void socket.close());
      let frames = 0;
      socket.on('frame', () => frames++);
      // said once it has stayed empty for 15 s (Prometheus' first scrape can take seconds)
      await until(
        30_000,
        () => gateway.output().includes('the requests query came back empty'),
        () => `${frames} frames\n${gateway.output()}`,
      );
      // ten more polls, each an empty fleet, and not said again
      const seen = frames;
      await until(
        10_000,
        () => frames >= seen + 10,
        () => `${frames} frames\n${gateway.output()}`,
      );
      const output = gateway.output();
      for (const query of ['requests', 'errors', 'weight', 'up', 'latencyMean']) {
        expect(output.split(`the ${query} query came back empty`)).toHaveLength(2);
      }
      expect(output).toContain('sum by (proxy, server) (haproxy_server_loadbalanced_total)');

      // a client that connects now is told why its fleet is empty, right after the hello
      const late = io(gateway.url, { transports: ['websocket'], forceNew: true });
      later(() => void late.close());
      const status = await new Promise<SourceStatus>((resolve) =>
        late.on('source-status', resolve),
      );
      expect(status.state).toBe('ok');
      expect(status.notice).toContain('the requests query came back empty');
    },
    TEST_MS,
  );
});
