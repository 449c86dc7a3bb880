/**
 * Another team's gateway speaks the protocol badly: the page drops the bad payload whole,
 * counts it, says what was wrong, and keeps everything that was good.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Browser } from 'playwright-core';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const T0 = Date.parse('2024-05-15T14:00:00Z');
const sample = (id: string, requests: number) => ({
  id,
  requests,
  errors: 0,
  latencyMs: { p50: 20, p95: 80, p99: 120 },
});
const goodFrame = (seq: number) => ({
  v: 1,
  seq,
  t: T0 + seq * 1000,
  intervalMs: 1000,
  samples: [sample('web-a', 100), sample('web-b', 100)],
});

describe('bad input from a foreign gateway', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let foreign: HttpServer;
  let foreignPort: number;

  beforeAll(async () => {
    foreignPort = await freePort();
    foreign = createServer();
    const io = new Server(foreign, { cors: { origin: '*' } });
    io.on('connection', (socket) => {
      socket.emit('hello', {
        v: 1,
        source: 'foreign:test',
        mode: 'live',
        intervalMs: 1000,
        servers: [
          { id: 'web-a', weight: 1 },
          { id: 'web-b', weight: 1 },
        ],
        now: T0,
      });
      socket.emit('frame', goodFrame(0));
      const bad = goodFrame(1);
      bad.samples[0]!.requests = -5;
      socket.emit('frame', bad);
      socket.emit('frame', goodFrame(2));
    });
    await new Promise<void>((r) => foreign.listen(foreignPort, '127.0.0.1', () => r()));
    gateway = await startGateway([]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await new Promise((r) => foreign?.close(r));
  });

  it('counts the malformed frame, names what was wrong and keeps the good ones', async () => {
    const page = await browser.newPage();
    await page.goto(
      `${gateway.url}?gateway=${encodeURIComponent(`http://127.0.0.1:${foreignPort}`)}`,
    );
    await waitFor(() => attr(page, '[data-testid=bad-input]', 'data-count'), '1');
    const text = await page.locator('[data-testid=bad-input]').innerText();
    expect(text).toContain(
      'frame: samples[0].requests: expected an integer >= 0, got the number -5',
    );
    await waitFor(() => attr(page, '[data-testid=feed]', 'data-newest-seq'), '2');
    // the bad frame was dropped whole: the page knows it is missing one frame
    expect(await attr(page, '[data-testid=feed]', 'data-missed-frames')).toBe('1');
    expect(await page.locator('[data-testid=heatmap-row]').count()).toBe(2);
    await waitFor(
      () => attr(page, '[data-testid=share-row][data-server=web-a]', 'data-share'),
      '0.5000',
    );
    expect(await attr(page, '[data-testid=connection]', 'data-state')).toBe('live');
  });
});
