/**
 * The page on a wall and on a phone, with alerts firing. A wall display (?kiosk) from 1280x720
 * to 3840x2160 shows everything without scrolling and without cutting an alert's words, its
 * type growing with the screen; more alerts than fit become "+N more". A phone never scrolls
 * sideways, shows the alerts with their servers and cause on its first screen, and scrolls the
 * heatmap inside its own box with the server names pinned. Each test has its own gateway.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Hello } from '../../src/core/protocol/protocol';
import { recordingLine } from '../../src/core/recording/recording';
import { cleanupsAfterEach, until } from '../support/services';
import { launchBrowser, ROOT, startGateway, tempDir, type RunningGateway } from './harness';
import { outside, readLayout, type PageLayout } from './page-layout';

const SCREENSHOTS = join(ROOT, 'test-results');
const later = cleanupsAfterEach();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

interface GatewayAlert {
  rule: string;
  servers: string[];
  cause: string;
  message: string;
}

async function firingAlerts(gateway: RunningGateway): Promise<GatewayAlert[]> {
  return (await (await fetch(new URL('/api/alerts', gateway.url))).json()) as GatewayAlert[];
}

/**
 * `args` served on a gateway of its own, opened at `query` in a context of `options`, once at
 * least `alerts` alerts fire and the page shows every one the gateway says is firing.
 */
async function openFiring(
  args: string[],
  query: string,
  options: BrowserContextOptions,
  alerts: number,
): Promise<{ page: Page; gateway: RunningGateway }> {
  const gateway = await startGateway([...args, '--no-record']);
  later(() => gateway.stop());
  const context = await browser.newContext(options);
  later(() => context.close());
  const page = await context.newPage();
  await page.goto(gateway.url + query);
  let seen = 0;
  await until(
    90_000,
    async () => {
      const firing = (await firingAlerts(gateway)).length;
      seen = await page.locator('[data-testid=alert]').count();
      return firing >= alerts && seen === firing;
    },
    () => `the page shows ${seen} alerts, waiting for ${alerts}\n${gateway.output()}`,
  );
  // the share bars load after the first paint: the layout is whole once they are drawn
  await until(
    30_000,
    async () =>
      (await page.locator('[data-testid=share-bars] .recharts-bar-rectangle').count()) > 0,
    () => 'no share bars drawn',
  );
  return { page, gateway };
}

/** Waits until `judge` finds nothing wrong with the page's layout, or fails listing what it found. */
async function expectLayout(page: Page, judge: (layout: PageLayout) => string[]): Promise<void> {
  let problems: string[] = [];
  await until(
    20_000,
    async () => (problems = judge(await readLayout(page))).length === 0,
    () => problems.join('\n'),
  );
}

/** Each firing alert whole on the screen: visible, its message in full and not cut. */
function alertsReadable(layout: PageLayout, firing: GatewayAlert[]): string[] {
  return firing.flatMap((a) => {
    const seen = layout.alerts.find((s) => s.rule === a.rule && s.message === a.message);
    if (!seen) return [`${a.rule}: "${a.message}" is not on the page in full`];
    if (!seen.visible) return [`${a.rule} is not on the screen`];
    return seen.cut === '' ? [] : [`${a.rule} is cut: ${seen.cut}`];
  });
}

const SEED = ['--speed', '240'];

describe('on a wall (?kiosk), the seed incident firing', () => {
  it.each([
    { name: '720p', width: 1280, height: 720, alertPx: 16 },
    { name: '1080p', width: 1920, height: 1080, alertPx: 24 },
    { name: '2160p', width: 3840, height: 2160, alertPx: 40 },
  ])(
    'fills $width x $height without scrolling, alert text at least $alertPx px',
    async ({ name, width, height, alertPx }) => {
      const { page, gateway } = await openFiring(
        SEED,
        '?kiosk',
        { viewport: { width, height } },
        3,
      );
      const firing = await firingAlerts(gateway);
      await expectLayout(page, (layout) => {
        const { heatmap, boxes, timeline } = layout;
        const heatmapPx = boxes.heatmap ? boxes.heatmap.bottom - boxes.heatmap.top : 0;
        const timelinePx = boxes.timeline ? boxes.timeline.bottom - boxes.timeline.top : 0;
        return [
          ...(layout.page.width > width ? [`the page is ${layout.page.width} px wide`] : []),
          ...(layout.page.height > height ? [`the page is ${layout.page.height} px tall`] : []),
          ...outside(boxes, width, height),
          ...alertsReadable(layout, firing),
          ...layout.alerts
            .filter((a) => a.fontPx < alertPx)
            .map((a) => `${a.rule} in ${a.fontPx} px type`),
          // type, rows and bars follow the screen
          ...(heatmap.labelFontPx < height / 60
            ? [`server names in ${heatmap.labelFontPx} px type`]
            : []),
          ...(heatmap.rowPx < heatmap.labelFontPx
            ? [`${heatmap.rowPx} px rows under ${heatmap.labelFontPx} px names`]
            : []),
          ...(heatmap.rowsThatFit < heatmap.rows
            ? [`only ${heatmap.rowsThatFit} of ${heatmap.rows} rows said to fit`]
            : []),
          ...(layout.barPx < height / 100 ? [`share bars ${layout.barPx} px thick`] : []),
          // the heatmap takes the height there is: its rows reach the bottom of its box
          ...(heatmap.unusedPx >= heatmap.rowPx
            ? [`${heatmap.unusedPx} px unused under the heatmap's rows`]
            : []),
          ...(heatmapPx < 1.5 * timelinePx
            ? [`the heatmap (${heatmapPx} px) is not the most of its column (${timelinePx} px)`]
            : []),
          // the latest events that fit, whole
          ...(timeline.last !== timeline.count || timeline.last < timeline.first
            ? [`the timeline shows events ${timeline.first}..${timeline.last} of ${timeline.count}`]
            : []),
          ...(timeline.whole ? [] : ['a timeline event is cut']),
        ];
      });
      await page.screenshot({ path: join(SCREENSHOTS, `wall-${name}.png`) });
    },
  );

  it('turns more alerts than fit into "+N more" rather than a scrollbar', async () => {
    const dir = await tempDir();
    later(() => dir.remove());
    const file = join(dir.path, 'many-alerts.ndjson');
    writeFileSync(file, manyAlertsRecording());
    const width = 1280;
    const height = 720;
    const { page, gateway } = await openFiring(
      ['--source', `replay:${file}`, '--speed', '10'],
      '?kiosk',
      { viewport: { width, height } },
      POOLS.length * 3,
    );
    const firing = await firingAlerts(gateway);
    await expectLayout(page, (layout) => {
      const shown = layout.alerts.filter((a) => a.visible);
      const hidden = layout.alerts.length - shown.length;
      const readable = alertsReadable(
        layout,
        firing.filter((a) => shown.some((s) => s.message === a.message)),
      );
      return [
        ...(layout.page.width > width || layout.page.height > height ? ['the page scrolls'] : []),
        ...outside(layout.boxes, width, height),
        ...(shown.length === 0 ? ['no alert on the screen'] : []),
        // thirty servers in what the alerts leave: more than fit legibly, so the fleet folds
        ...(layout.heatmap.servers <= layout.heatmap.rowsThatFit
          ? [`all ${layout.heatmap.servers} servers fit: nothing to fold`]
          : []),
        ...(layout.heatmap.bands === 0 ? ['no pool folded into a band'] : []),
        ...(layout.heatmap.rows > layout.heatmap.rowsThatFit
          ? [`${layout.heatmap.rows} rows drawn where ${layout.heatmap.rowsThatFit} fit`]
          : []),
        ...(hidden === 0 ? [`all ${layout.alerts.length} alerts fit: nothing to fold`] : []),
        ...(layout.moreCount !== hidden || !layout.moreVisible
          ? [`"+${layout.moreCount} more" (visible: ${layout.moreVisible}) for ${hidden} hidden`]
          : []),
        ...shown.filter((a) => a.cut !== '').map((a) => `${a.rule} is cut: ${a.cut}`),
        ...readable,
      ];
    });
    expect(await page.locator('[data-testid=alert-more]').innerText()).toMatch(/^\+\d+ more$/);
  });
});

describe('on a phone, the seed incident firing', () => {
  it.each([
    { width: 390, height: 844 },
    { width: 360, height: 740 },
  ])(
    'at $width x $height: no sideways scroll, alerts whole on the first screen, the heatmap scrolls in its box',
    async ({ width, height }) => {
      const { page, gateway } = await openFiring(
        SEED,
        '',
        { viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
        3,
      );
      const firing = await firingAlerts(gateway);
      await expectLayout(page, (layout) => [
        // a mobile browser widens its layout to anything wider than the screen
        ...(layout.viewport.width !== width ? [`laid out ${layout.viewport.width} px wide`] : []),
        ...(layout.page.width > width ? [`the page is ${layout.page.width} px wide`] : []),
        ...outside(
          { header: layout.boxes.header, connection: layout.boxes.connection },
          width,
          Infinity,
        ),
        ...alertsReadable(layout, firing),
        ...firing.flatMap((a) =>
          [...a.servers, a.cause.replace('-', ' ')]
            .filter((word) => !a.message.includes(word))
            .map((word) => `${a.rule} does not say ${word}`),
        ),
        ...(layout.heatmap.scrollWidth <= layout.heatmap.clientWidth
          ? ['the heatmap does not scroll in its box']
          : []),
        ...(layout.heatmap.scrollLeft + layout.heatmap.clientWidth < layout.heatmap.scrollWidth - 2
          ? ['the heatmap does not open at its newest minutes']
          : []),
      ]);
      const before = await readLayout(page);

      // back to the oldest minutes: the plot moves, the names stay, the page does not scroll
      await page.locator('[data-testid=heatmap]').evaluate((el) => el.scrollTo({ left: 0 }));
      await expectLayout(page, ({ heatmap, page: doc }) => [
        ...(heatmap.scrollLeft !== 0 ? [`heatmap scrolled to ${heatmap.scrollLeft}`] : []),
        ...(Math.abs(heatmap.firstLabelLeft - before.heatmap.firstLabelLeft) > 0.5
          ? [`names moved from ${before.heatmap.firstLabelLeft} to ${heatmap.firstLabelLeft}`]
          : []),
        ...(heatmap.canvasLeft <= before.heatmap.canvasLeft ? ['the plot did not move'] : []),
        ...(doc.scrollX !== 0 || doc.width > width ? ['the page scrolled sideways'] : []),
      ]);
      await page.screenshot({ path: join(SCREENSHOTS, `phone-${width}.png`) });
    },
  );
});

const POOLS = ['web', 'api', 'auth', 'search', 'media', 'cart'];

/**
 * Six pools of five servers; after a minute one server in each takes 4x the requests, slow and
 * failing: three alerts (share-skew, latency, errors) per pool, eighteen in all.
 */
function manyAlertsRecording(): string {
  const t0 = Date.UTC(2024, 4, 15, 13, 0);
  const servers = POOLS.flatMap((pool) =>
    [1, 2, 3, 4, 5].map((n) => ({ id: `${pool}-0${n}`, pool, weight: 1 })),
  );
  const hello: Hello = {
    v: 1,
    source: 'sim:many-alerts',
    mode: 'live',
    intervalMs: 1000,
    servers,
    now: t0,
  };
  const lines = [recordingLine('hello', hello)];
  for (let i = 0; i < 600; i++) {
    const frame: Frame = {
      v: 1,
      seq: i,
      t: t0 + i * 1000,
      intervalMs: 1000,
      samples: servers.map(({ id }) => {
        const hot = i >= 60 && id.endsWith('-02');
        return {
          id,
          requests: hot ? 400 : 100,
          errors: hot ? 100 : 0,
          latencyMs: hot ? { p50: 2000, p95: 4000, p99: 6000 } : { p50: 20, p95: 40, p99: 80 },
        };
      }),
    };
    lines.push(recordingLine('frame', frame));
  }
  return lines.join('');
}
