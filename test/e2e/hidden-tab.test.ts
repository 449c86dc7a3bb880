/**
 * A tab hidden for 30 minutes: Chrome throttles a hidden tab's timers and may freeze it
 * outright. Once the page is drawn whole, it is hidden and frozen through the DevTools Protocol
 * (Page.setWebLifecycleState, which hides the tab first) while the real gateway plays 30
 * simulated minutes of the seed incident, then made active and shown: within 2 s it shows the
 * gateway's newest frame, with no frame missed and at most one reconnect. Once frozen inside
 * the gateway's ping timeout, once past it, so the gateway drops the socket and the page must
 * resume after the last seq it holds.
 */
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, until, watchGateway } from '../support/services';
import { startGateway } from './harness';
import { launchRawChromium, type RawTab } from './raw-chromium';

const later = cleanupsAfterEach();
/** the seed incident's frame interval */
const INTERVAL_MS = 10_000;
const HIDDEN_FRAMES = (30 * 60_000) / INTERVAL_MS;
/** the goal: the newest frame on screen within 2 s of the tab being shown */
const CATCH_UP_MS = 2000;

// the Page Lifecycle API's own events, kept by the page: proof it was hidden and frozen
const RECORD_LIFECYCLE = `window.lifecycle = [];
for (const type of ['visibilitychange', 'freeze', 'resume'])
  document.addEventListener(type, () => window.lifecycle.push(type + ':' + document.visibilityState));`;

const SHARE_ROWS_DRAWN = `document.querySelectorAll('[data-testid=share-bars] [data-testid=share-row]').length`;

const read = (tab: RawTab, name: string) =>
  tab.evaluate<string | null>(
    `document.querySelector('[data-testid=feed]')?.getAttribute(${JSON.stringify(name)}) ?? null`,
  );
const connection = (tab: RawTab) =>
  tab.evaluate<string | null>(
    `document.querySelector('[data-testid=connection]')?.getAttribute('data-state') ?? null`,
  );

async function openLivePage(speed: number) {
  const gateway = await startGateway(['--speed', String(speed), '--no-record']);
  later(() => gateway.stop());
  const watcher = watchGateway(gateway.url, later);
  const chromium = await launchRawChromium();
  later(() => chromium.close());
  const tab = await chromium.open(gateway.url);
  // every Socket.IO connection the page makes opens one WebSocket
  let sockets = 0;
  tab.on('Network.webSocketCreated', () => sockets++);
  await until(
    30_000,
    async () => (await connection(tab)) === 'live',
    () => `the page never went live\n${gateway.output()}`,
  );
  // someone looked at the tab before leaving it: the whole page drawn, share bars included
  await until(
    30_000,
    async () => (await tab.evaluate<number>(SHARE_ROWS_DRAWN)) > 0,
    () => 'the page never drew its share bars',
  );
  await tab.evaluate(RECORD_LIFECYCLE);
  return { gateway, watcher, tab, sockets: () => sockets };
}

/** The gateway's own count of the clients it holds (the watcher is one of them). */
async function clientsHeld(gatewayUrl: string): Promise<number> {
  const metrics = await (await fetch(`${gatewayUrl}metrics`)).text();
  return Number(/^skewboard_clients (\d+)$/m.exec(metrics)?.[1] ?? NaN);
}

/**
 * Hides and freezes the tab until the gateway has sent `count` more frames and, when `dropped`
 * is given, until it says so (the gateway let go of the frozen tab's socket).
 */
async function hideFor(
  tab: RawTab,
  frames: () => number,
  count: number,
  limitMs: number,
  dropped: () => Promise<boolean> = async () => true,
) {
  await tab.send('Page.setWebLifecycleState', { state: 'frozen' });
  const from = frames();
  await until(
    limitMs,
    async () => frames() - from >= count && (await dropped()),
    () => `the gateway sent ${frames() - from} of ${count} frames while the tab was frozen`,
  );
}

/** Makes the tab active and shown; ms until it shows `seq` (the gateway's newest then). */
async function showAndTime(tab: RawTab, seq: number): Promise<number> {
  const start = Date.now();
  await tab.send('Page.setWebLifecycleState', { state: 'active' });
  // shown: a tab in view (what playwright does to every page it drives)
  await tab.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  await until(
    30_000,
    async () => Number(await read(tab, 'data-newest-seq')) >= seq,
    () => `the page never showed seq ${seq}`,
  );
  return Date.now() - start;
}

async function hideThenShow(speed: number, limitMs: number, untilDropped = false) {
  const { gateway, watcher, tab, sockets } = await openLivePage(speed);
  const shownBefore = Number(await read(tab, 'data-newest-seq'));
  // the page and the watcher until the gateway drops the page
  const dropped = async () => (await clientsHeld(gateway.url)) === 1;
  const frames = () => watcher.frames.length;
  await hideFor(tab, frames, HIDDEN_FRAMES, limitMs, untilDropped ? dropped : undefined);
  const newest = watcher.frames.at(-1)!.seq;
  const tookMs = await showAndTime(tab, newest);
  // the figure the README quotes
  console.log(`hidden ${HIDDEN_FRAMES} frames at ${speed}x: newest frame shown ${tookMs} ms after`);
  return { tab, sockets, shownBefore, newest, tookMs };
}

describe('a live tab hidden for 30 minutes', () => {
  it('catches up within 2 s of being shown, missing no frame, with at most one reconnect', async () => {
    // 120x: 30 simulated minutes in 15 s, inside the gateway's 45 s ping timeout (the page's
    // own heartbeat timer may still call the socket dead on waking: one reconnect at most)
    const { tab, sockets, shownBefore, newest, tookMs } = await hideThenShow(120, 90_000);
    expect(await tab.evaluate('window.lifecycle')).toEqual(
      expect.arrayContaining(['visibilitychange:hidden', 'freeze:hidden', 'resume:hidden']),
    );
    expect(newest - shownBefore).toBeGreaterThanOrEqual(HIDDEN_FRAMES);
    expect(tookMs).toBeLessThanOrEqual(CATCH_UP_MS);
    expect(await read(tab, 'data-missed-frames')).toBe('0');
    expect(await connection(tab)).toBe('live');
    expect(sockets()).toBeLessThanOrEqual(2);
  });

  it('frozen past the gateway ping timeout, resumes with one reconnect, missing no frame', async () => {
    // frozen for 30 simulated minutes and until the gateway drops the socket that does not
    // answer its pings (within its 45 s ping interval and timeout)
    const { tab, sockets, newest, tookMs } = await hideThenShow(60, 120_000, true);
    expect(await tab.evaluate('window.lifecycle')).toEqual(
      expect.arrayContaining(['freeze:hidden', 'resume:hidden']),
    );
    expect(tookMs).toBeLessThanOrEqual(CATCH_UP_MS);
    expect(Number(await read(tab, 'data-newest-seq'))).toBeGreaterThanOrEqual(newest);
    expect(await read(tab, 'data-missed-frames')).toBe('0');
    await until(
      10_000,
      async () => (await connection(tab)) === 'live',
      () => 'the page is not live again',
    );
    // the gateway dropped the frozen socket: exactly one reconnect
    expect(sockets()).toBe(2);
  });
});
