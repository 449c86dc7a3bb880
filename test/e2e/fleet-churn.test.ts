/**
 * Pods that come and go, on the page: the real gateway replays a recording this test writes
 * (a pod born every 20 frames, living 100, ids never reused), and the heatmap in Debian's
 * Chromium has a row for each server sampled in the frames the page holds (its last 720), not
 * for every pod that ever lived: on a page open throughout and on one opened after the churn.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Hello } from '../../src/core/protocol/protocol';
import { recordingLine } from '../../src/core/recording/recording';
import { SERIES_CAPACITY } from '../../src/state/series-slice';
import { launchBrowser, startGateway, tempDir, type RunningGateway } from './harness';
import { attr, waitFor } from './wait';

const T0 = Date.UTC(2024, 4, 15, 13, 0);
const FRAMES = 1500;
const BORN_EVERY = 20;
const LIFE = 100;
const LAST_T = T0 + (FRAMES - 1) * 1000;

const births = Array.from({ length: FRAMES / BORN_EVERY }, (_, k) => k * BORN_EVERY);
const alive = (i: number) => births.filter((b) => b <= i && i < b + LIFE);

function writeRecording(file: string): void {
  const hello: Hello = {
    v: 1,
    source: 'prometheus:test',
    mode: 'live',
    intervalMs: 1000,
    servers: [{ id: 'steady', pool: 'web', weight: 1 }],
    now: T0,
  };
  const lines = [recordingLine('hello', hello)];
  for (let i = 0; i < FRAMES; i++) {
    const frame: Frame = {
      v: 1,
      seq: i,
      t: T0 + i * 1000,
      intervalMs: 1000,
      samples: ['steady', ...alive(i).map((b) => `pod-${b}`)].map((id) => ({
        id,
        requests: 100,
        latencyMs: { p50: 20, p95: 40, p99: 80 },
      })),
    };
    lines.push(recordingLine('frame', frame));
  }
  writeFileSync(file, lines.join(''));
}

/** The servers sampled in the frames a page holds at the end: its last SERIES_CAPACITY. */
function heldServers(): string[] {
  const ids = new Set<string>();
  for (let i = FRAMES - SERIES_CAPACITY; i < FRAMES; i++) {
    for (const b of alive(i)) ids.add(`pod-${b}`);
  }
  return ['steady', ...ids].sort();
}

const rowIds = async (page: Page) =>
  (
    await page
      .locator('[data-testid=heatmap] [data-testid=heatmap-row]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-server') ?? ''))
  ).sort();

describe('the heatmap of a fleet whose pods come and go', () => {
  let browser: Browser;
  let gateway: RunningGateway;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    dir = await tempDir();
    const file = join(dir.path, 'churn.ndjson');
    writeRecording(file);
    browser = await launchBrowser();
    gateway = await startGateway(['--source', `replay:${file}`, '--speed', '200', '--no-record']);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await dir?.remove();
  });

  it('has a row for each server sampled in the frames the page holds, open throughout or late', async () => {
    const throughout = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await throughout.goto(gateway.url);
    await waitFor(() => attr(throughout, '[data-testid=connection]', 'data-state'), 'live');

    const expected = heldServers();
    // 40 pods of the 75 that lived, and steady
    expect(expected).toHaveLength(41);
    // the last frame painted: the rows are those of the store that holds it
    await waitFor(
      () => attr(throughout, '[data-testid=heatmap]', 'data-view-end'),
      String(LAST_T),
      40_000,
    );
    expect(await rowIds(throughout)).toEqual(expected);
    expect(await attr(throughout, '[data-testid=heatmap]', 'data-rows')).toBe('41');

    const late = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await late.goto(gateway.url);
    await waitFor(() => attr(late, '[data-testid=heatmap]', 'data-view-end'), String(LAST_T));
    expect(await rowIds(late)).toEqual(expected);
  });
});
