/**
 * The morning-after review: a newcomer opens the sample of the 2024-05-15 incident from the
 * start page, plays it, pauses, steps through its events, and shares a link to a moment.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../../src/core/recording/recording';
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

  /**
   * The sample under review, paused, its alerts worked out, the cursor at `at` when given: what
   * each test starts from, so any one of them runs alone (the page is shared to save time).
   */
  async function reviewing(at?: string): Promise<void> {
    const open =
      (await attr(page, '[data-testid=connection]', 'data-state')) === 'replay' &&
      (await attr(page, '[data-testid=replay-clock]', 'data-t')) !== null;
    if (!open) {
      await page.goto(gateway.url);
      await page.locator('[data-testid=sample-link]').click();
      await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    }
    await waitFor(() => page.locator('[data-testid=alerts-pending]').count(), 0);
    if ((await attr(page, '[data-testid=replay-play]', 'aria-label')) === 'Pause') {
      await page.locator('[data-testid=replay-play]').click();
      await waitFor(() => attr(page, '[data-testid=replay-play]', 'aria-label'), 'Play');
    }
    if (at !== undefined) {
      await page.locator('input[name=jump]').fill(at);
      await page.locator('input[name=jump]').press('Enter');
      await waitFor(() => cursor(page), local(`${at}:00`));
    }
  }

  it('opens from a link on the start page, at the first alert', async () => {
    await page.goto(gateway.url);
    await page.locator('[data-testid=sample-link]').click();
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    expect(await page.locator('[data-testid=heatmap-row]').count()).toBe(10);
    await waitFor(() => page.locator('[data-testid=alerts-pending]').count(), 0);
    // `skewboard analyze` on the same frames fires share-skew at 09:55:20
    await waitFor(() => cursor(page), local('09:55:20'));
    expect(await page.locator('[data-testid=alert]').count()).toBe(1);
    expect(await attr(page, '[data-testid=alert]', 'data-rule')).toBe('share-skew');
    // the start is a Home away
    await page.keyboard.press('Home');
    await waitFor(() => cursor(page), local('09:30:10'));
    await waitFor(() => page.locator('[data-testid=alert]').count(), 0);
  });

  it('plays at 60x and pauses', async () => {
    await reviewing('09:31');
    await page.locator('[data-testid=replay-speed]').selectOption('60');
    await page.locator('[data-testid=replay-play]').click();
    // the cursor and the page's clock, read together until two simulated minutes have played
    const { played, wallMs } = await page.evaluate(async () => {
      const read = () =>
        Number(document.querySelector('[data-testid=replay-clock]')!.getAttribute('data-t'));
      const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
      const from = read();
      const wallFrom = performance.now();
      while (read() - from < 120_000 && performance.now() - wallFrom < 60_000) await nextFrame();
      return { played: read() - from, wallMs: performance.now() - wallFrom };
    });
    await page.locator('[data-testid=replay-play]').click();
    await waitFor(() => attr(page, '[data-testid=replay-play]', 'aria-label'), 'Play');
    expect(played).toBeGreaterThanOrEqual(120_000);
    // 60 simulated seconds per wall second, give or take the frames around the reads
    expect(played / wallMs).toBeGreaterThan(40);
    expect(played / wallMs).toBeLessThan(80);
    // paused: the cursor stays put through many animation frames, each one a chance to move it
    const paused = await cursor(page);
    const moved = await page.evaluate(async (at) => {
      for (let i = 0; i < 30; i++) await new Promise((r) => requestAnimationFrame(r));
      return (
        Number(document.querySelector('[data-testid=replay-clock]')!.getAttribute('data-t')) - at
      );
    }, paused);
    expect(moved).toBe(0);
  });

  it('steps to each event, and shows alerts exactly when the detector fired them', async () => {
    await reviewing('09:40');
    await page.locator('button[aria-label="Next event"]').click();
    await waitFor(() => cursor(page), local('09:55:00')); // the load-balancer change
    expect(await page.locator('[data-testid=alert]').count()).toBe(0);
    await page.keyboard.press(']');
    // `skewboard analyze` on the same frames fires share-skew at 09:55:20
    await waitFor(() => cursor(page), local('09:55:20'));
    const skew = page.locator('[data-testid=alert][data-rule=share-skew]');
    await waitFor(() => skew.count(), 1);
    expect(await skew.getAttribute('data-servers')).toBe('app-04,app-07');
    await page.keyboard.press('[');
    await waitFor(() => cursor(page), local('09:55:00'));
    await waitFor(() => skew.count(), 0);
  });

  it('jumps to a time, and a reload of the URL lands on the same moment', async () => {
    await reviewing();
    await page.locator('input[name=jump]').fill('11:30');
    await page.locator('input[name=jump]').press('Enter');
    await waitFor(() => cursor(page), local('11:30:00'));
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
    await reviewing();
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
    await reviewing('11:30');
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
    await reviewing();
    await page.keyboard.press('?');
    const help = page.locator('[data-testid=shortcuts-help]');
    await waitFor(() => help.count(), 1);
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

  it('a gateway killed with SIGKILL mid-write leaves a recording that loads up to the cut', async () => {
    const file = join(dir.path, 'killed.ndjson');
    const victim = await startGateway(['--speed', '600', '--record', file]);
    const frameLines = () =>
      existsSync(file) ? (readFileSync(file, 'utf8').match(/^\{"type":"frame"/gm) ?? []).length : 0;
    await waitFor(async () => frameLines() >= 60, true, 60_000);
    await victim.kill();
    // one write per line, so the kill itself leaves whole lines; the write it interrupted is
    // the one a crash tears: its first half reached the disk, the rest did not
    const whole = readFileSync(file, 'utf8');
    const lines = whole.split('\n').filter((l) => l !== '');
    const torn = lines.at(-1)!.slice(0, Math.floor(lines.at(-1)!.length / 2));
    writeFileSync(file, lines.slice(0, -1).join('\n') + '\n' + torn);
    const written = readFileSync(file, 'utf8');
    expect(written.endsWith('\n')).toBe(false);
    expect(() => JSON.parse(written.slice(written.lastIndexOf('\n') + 1))).toThrow();
    // what a reviewer should get: every whole line before the cut
    const kept = parseRecording(lines.slice(0, -1).join('\n')).payloads;
    const keptTimes = kept.flatMap((p) => (p.type === 'frame' ? [p.payload.t] : []));

    const page = await openFile(file);
    await waitFor(() => attr(page, '[data-testid=connection]', 'data-state'), 'replay');
    expect(await page.locator('[data-testid=replay-warning]').innerText()).toBe(
      `killed.ndjson: line ${lines.length} is incomplete (the recording was cut off mid-write) and was ignored`,
    );
    expect(await page.locator('[data-testid=heatmap-row]').count()).toBe(10);
    // the review spans exactly the whole frames: from the first, to the last before the cut
    await page.keyboard.press('Home');
    await waitFor(() => cursor(page), keptTimes[0]);
    await page.keyboard.press('End');
    await waitFor(() => cursor(page), keptTimes.at(-1));
    await page.close();
  });
});
