/**
 * What the real gateway sends over HTTP, read as a browser and a security review would: the
 * policy headers on every answer, the page compressed with ETag and long caching for hashed
 * files, 404 (never the page) for what does not exist, and the page running under its own
 * policy with no violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startGateway, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

let gw: RunningGateway;
let script: string;

beforeAll(async () => {
  gw = await startGateway(['--no-record', '--speed', '60']);
  const page = await (await fetch(gw.url)).text();
  script = /src="(\/assets\/[^"]+\.js)"/.exec(page)![1]!;
});
afterAll(async () => {
  await gw?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(new URL(path, gw.url), { headers });

describe('headers on every answer', () => {
  it.each([
    '/',
    '/?kiosk',
    '/healthz',
    '/api/recording',
    '/api/nothing',
    '/assets/nope.js',
    '/favicon.svg',
  ])('%s carries the policy', async (path) => {
    const res = await get(path);
    await res.arrayBuffer();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('--allow-frame lets other sites frame the page', async () => {
    const framed = await startGateway(['--no-record', '--allow-frame']);
    try {
      const res = await fetch(framed.url);
      await res.text();
      expect(res.headers.get('content-security-policy')).not.toContain('frame-ancestors');
      expect(res.headers.get('x-frame-options')).toBeNull();
    } finally {
      await framed.stop();
    }
  });
});

describe('the built page', () => {
  it.each([
    ['br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
  ])('goes compressed to a client that accepts %s', async (accepts, encoding) => {
    const plain = await get(script, { 'accept-encoding': 'identity' });
    const plainBytes = Number(plain.headers.get('content-length'));
    await plain.arrayBuffer();
    const res = await get(script, { 'accept-encoding': accepts });
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    // the script is a third of its size or less
    expect(Number(res.headers.get('content-length'))).toBeLessThan(plainBytes / 3);
    // and is the same script once unpacked
    expect((await res.text()).length).toBe((await (await get(script)).text()).length);
  });

  it('caches hashed files for good and answers a repeat with 304', async () => {
    const first = await get(script);
    await first.arrayBuffer();
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await get(script, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const page = await get('/');
    await page.text();
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['/assets/nope.js', 404],
    ['/favicon.ico', 404],
    ['/samples/nope.ndjson.gz', 404],
    ['/api/nothing', 404],
    ['/api', 404],
    ['/healthz/x', 404],
    ['/readyz/', 404],
  ])('%s is %i, never the page', async (path, status) => {
    const res = await get(path, { accept: 'text/html' });
    expect(res.status).toBe(status);
    expect(await res.text()).not.toContain('<div id="root">');
  });

  it.each(['/', '/?replay=/samples/x.ndjson.gz', '/review/2024-05-15'])(
    'a navigation to %s gets the page',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    },
  );

  it('sends a gzipped sample as it is, with its size, for the page to unpack', async () => {
    const res = await get('/samples/2024-05-15-lb-misconfig.ndjson.gz', {
      'accept-encoding': 'gzip',
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('application/gzip');
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
  });
});

describe('the page under its policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs live and replays with no policy violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(gw.url);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    await page.locator('[data-testid=heatmap] [data-testid=heatmap-row]').first().waitFor();
    // a review loads in a worker: the worker must be allowed too
    await page.goto(`${gw.url}?replay=/samples/2024-05-15-lb-misconfig.ndjson.gz`);
    await page.locator('[data-testid=replay-clock]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=heatmap] [data-testid=heatmap-row]').first().waitFor();
    expect(violations).toEqual([]);
  });
});
