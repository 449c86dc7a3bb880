/**
 * The morning-after review: a newcomer opens the sample of the 2024-05-15 incident from the
 * start page, plays it, pauses, steps through its events, and shares a link to a moment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../../src/core/recording';
import { launchBrowser, ROOT, startGateway, tempDir, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const local = (hhmmss: string) => Date.parse(`2024-05-15T${hhmmss}-04:00`);
const cursor = async (page: Page) =>
  Number(await attr(page, '[data-testid=replay-clock]', 'data-t'));

describe('reviewing the sample incident', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let page: Page;

  beforeAll(async () => {
    gateway = await startGateway(['--speed', '60']);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('opens from a link on the start page, at the start of the recording', async () => {
    await page.goto(gateway.url);
    await page.locator('[data-testid=sample-link]').click();
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    expect(await cursor(page)).toBe(local('09:30:10'));
    expect(await page.locator('[data-testid=heatmap-row]').count()).toBe(10);
    await waitFor(() => page.locator('[data-testid=alerts-pending]').count(), 0);
    expect(await page.locator('[data-testid=alert]').count()).toBe(0);
  });

  it('plays at 60x and pauses', async () => {
    await page.locator('[data-testid=replay-speed]').selectOption('60');
    const from = await cursor(page);
    await page.locator('[data-testid=replay-play]').click();
    await page.waitForTimeout(2_000);
    await page.locator('[data-testid=replay-play]').click();
    const played = (await cursor(page)) - from;
    // two wall seconds at 60x is two simulated minutes, give or take a frame or two
    expect(played).toBeGreaterThan(90_000);
    expect(played).toBeLessThan(150_000);
    const paused = await cursor(page);
    await page.waitForTimeout(500);
    expect(await cursor(page)).toBe(paused);
  });

  it('steps to each event, and shows alerts exactly when the detector fired them', async () => {
    await page.locator('button[aria-label="Next event"]').click();
    expect(await cursor(page)).toBe(local('09:55:00')); // the load-balancer change
    expect(await page.locator('[data-testid=alert]').count()).toBe(0);
    await page.keyboard.press(']');
    // `skewboard analyze` on the same frames fires share-skew at 09:55:20
    expect(await cursor(page)).toBe(local('09:55:20'));
    const skew = page.locator('[data-testid=alert][data-rule=share-skew]');
    await waitFor(() => skew.count(), 1);
    expect(await skew.getAttribute('data-servers')).toBe('app-04,app-07');
    await page.keyboard.press('[');
    expect(await cursor(page)).toBe(local('09:55:00'));
    await waitFor(() => skew.count(), 0);
  });

  it('jumps to a time, and a reload of the URL lands on the same moment', async () => {
    await page.locator('input[name=jump]').fill('11:30');
    await page.locator('input[name=jump]').press('Enter');
    expect(await cursor(page)).toBe(local('11:30:00'));
    await expect
      .poll(() => new URL(page.url()).searchParams.get('t'))
      .toBe(String(local('11:30:00')));
    await page.reload();
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    expect(await cursor(page)).toBe(local('11:30:00'));
    // the frames show first; the detector's verdict follows right after
    await waitFor(() => page.locator('[data-testid=alert][data-rule=share-skew]').count(), 1);
    expect(await page.locator('[data-testid=alerts-pending]').count()).toBe(0);
  });

  it('saves the view as a PNG for the postmortem', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=snapshot]').click(),
    ]);
    const path = join(ROOT, 'test-results', 'snapshot.png');
    await download.saveAs(path);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16..24
    expect(png.readUInt32BE(16)).toBe(1800);
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
    expect(png.byteLength).toBeGreaterThan(20_000);
    expect(download.suggestedFilename()).toMatch(/^skewboard-2024-05-15T.*\.png$/);
  });

  it('exports the window on screen as a recording that loads', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=export-window]').click(),
    ]);
    const path = join(ROOT, 'test-results', 'window.ndjson');
    await download.saveAs(path);
    const { payloads } = parseRecording(readFileSync(path, 'utf8'));
    const times = payloads.flatMap((p) => (p.type === 'frame' ? [p.payload.t] : []));
    // two hours of 10 s frames ending at the cursor, 11:30
    expect(times.at(-1)).toBe(local('11:30:00'));
    expect(times[0]).toBeGreaterThanOrEqual(local('09:30:00'));
    expect(times).toHaveLength(720);
    expect(payloads.some((p) => p.type === 'annotation' && p.payload.t === local('10:00:00'))).toBe(
      true,
    );
  });

  it('lists its keyboard shortcuts in a help overlay', async () => {
    await page.keyboard.press('?');
    const help = page.locator('[data-testid=shortcuts-help]');
    expect(await help.innerText()).toMatch(/Space\s+play \/ pause/);
    await page.keyboard.press('?');
    await waitFor(() => help.count(), 0);
  });
});

describe('recordings that are not whole', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  const sample = gunzipSync(
    readFileSync(join(ROOT, 'public', 'samples', '2024-05-15-lb-misconfig.ndjson.gz')),
  )
    .toString('utf8')
    .split('\n');

  beforeAll(async () => {
    dir = await tempDir();
    gateway = await startGateway(['--speed', '60']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await dir?.remove();
  });

  async function openFile(path: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(gateway.url);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'live');
    await page.locator('[data-testid=open-recording]').setInputFiles(path);
    return page;
  }

  it('a torn last line loads with a warning', async () => {
    const torn = join(dir.path, 'torn.ndjson');
    writeFileSync(torn, sample.slice(0, 200).join('\n') + '\n' + sample[200]!.slice(0, 40));
    const page = await openFile(torn);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    expect(await page.locator('[data-testid=replay-warning]').innerText()).toMatch(
      /line 201 is incomplete/,
    );
    await page.close();
  });

  it('any other bad line stops the load with its line number, and nothing is shown', async () => {
    const bad = join(dir.path, 'bad.ndjson');
    const lines = [...sample];
    lines[99] = lines[99]!.replace('"requests":', '"requests":-');
    writeFileSync(bad, lines.join('\n'));
    const page = await openFile(bad);
    await waitFor(() => page.locator('[data-testid=replay-error]').count(), 1);
    expect(await page.locator('[data-testid=replay-error]').innerText()).toMatch(
      /bad\.ndjson: line 100: frame: samples\[0\]\.requests/,
    );
    expect(await attr(page, '[data-testid=connection]', 'data-state')).toBe('live');
    expect(await page.locator('[data-testid=replay-clock]').count()).toBe(0);
    await page.close();
  });

  it('a gzipped recording cut off loads every line before the cut, with a warning', async () => {
    const cut = join(dir.path, 'cut.ndjson.gz');
    const gz = gzipSync(sample.join('\n'));
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const page = await openFile(cut);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    expect(await page.locator('[data-testid=replay-warning]').innerText()).toMatch(
      /cut\.ndjson\.gz: the gzip data is cut off: line \d+ is incomplete/,
    );
    expect(await page.locator('[data-testid=heatmap-row]').count()).toBe(10);
    await page.close();
  });

  it('gzipped recordings joined with cat load whole', async () => {
    const joined = join(dir.path, 'joined.ndjson.gz');
    const half = Math.floor(sample.length / 2);
    const first = sample.slice(0, half).join('\n') + '\n';
    const rest = sample.slice(half).join('\n');
    writeFileSync(joined, Buffer.concat([gzipSync(first), gzipSync(rest)]));
    const page = await openFile(joined);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    // the replay ends where the whole recording ends, not where its first part does
    const frames = parseRecording(sample.join('\n')).payloads.filter((p) => p.type === 'frame');
    const lastT = frames.at(-1)!.payload.t;
    await page.keyboard.press('End');
    await waitFor(
      async () => Number(await attr(page, '[data-testid=replay-clock]', 'data-t')),
      lastT,
    );
    await page.close();
  });

  it('a gateway killed with SIGKILL mid-write leaves a recording that loads', async () => {
    const file = join(dir.path, 'killed.ndjson');
    const victim = await startGateway(['--speed', '600', '--record', file]);
    await new Promise((r) => setTimeout(r, 3_000));
    await victim.kill();
    const page = await openFile(file);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    expect(await page.locator('[data-testid=heatmap-row]').count()).toBe(10);
    expect(await cursor(page)).toBeGreaterThan(0);
    await page.close();
  });
});
