/**
 * The wall watchdog end to end: Debian's Chromium shows the dashboard with its DevTools port
 * open, `skewboard wall-watchdog` watches it, the page's renderer is crashed ("Aw, Snap"), and
 * the page comes back by itself: a fresh document with the heatmap, live again.
 */
import { join } from 'node:path';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, runChild, until, type Child, type Later } from '../support/services';
import { CHROMIUM, CHROMIUM_FLAGS, freePort, ROOT, startGateway, tempDir } from './harness';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
// a loaded 2-core machine starts Chromium and a page slowly; generous, never slept through
const DEADLINE_MS = 120_000;
const REPLY_MS = 5_000;
const LIVE = JSON.stringify({ heatmap: true, connection: 'live', sameDocument: false });

interface PageTarget {
  type: string;
  url: string;
  webSocketDebuggerUrl?: string;
}

async function kioskPage(cdp: string): Promise<PageTarget | undefined> {
  try {
    const targets = (await (await fetch(`${cdp}/json/list`)).json()) as PageTarget[];
    return targets.find((t) => t.type === 'page' && t.url.includes('?kiosk'));
  } catch {
    return undefined; // the browser is not listening yet
  }
}

/** Sends one command on the page's own socket and resolves to its reply (undefined if none). */
async function command(
  socketUrl: string,
  method: string,
  params: Record<string, unknown>,
  waitForReply = true,
): Promise<Record<string, unknown> | undefined> {
  const socket = new WebSocket(socketUrl, { perMessageDeflate: false });
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    await new Promise((resolve) => socket.send(JSON.stringify({ id: 1, method, params }), resolve));
    if (!waitForReply) {
      // a crash command gets no reply; a closing handshake (not a reset) lets the browser read
      // the command before it sees the socket go
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, REPLY_MS);
        socket.once('close', () => resolve(clearTimeout(timer)));
        socket.close();
      });
      return undefined;
    }
    return await new Promise<Record<string, unknown> | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), REPLY_MS);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
        if (message.id !== 1) return;
        clearTimeout(timer);
        resolve(message.result as Record<string, unknown> | undefined);
      });
      socket.once('close', () => resolve(undefined));
    });
  } catch {
    return undefined; // a crashed or reloading page may refuse: the caller asks again
  } finally {
    socket.terminate();
  }
}

/** What an engineer looking at the wall would check, read from the page by a fresh connection. */
async function wallState(cdp: string): Promise<string | undefined> {
  const target = await kioskPage(cdp);
  if (!target?.webSocketDebuggerUrl) return undefined;
  const reply = await command(target.webSocketDebuggerUrl, 'Runtime.evaluate', {
    returnByValue: true,
    expression: `JSON.stringify({
      heatmap: document.querySelector('[data-testid=heatmap]') !== null,
      connection: document.querySelector('[data-testid=connection]')?.dataset.state ?? null,
      sameDocument: window.__beforeCrash === true,
    })`,
  });
  const result = reply?.result as { value?: unknown } | undefined;
  return typeof result?.value === 'string' ? result.value : undefined;
}

/** The wall's Chromium, headless, its DevTools port open, showing the dashboard in kiosk mode. */
function startWallBrowser(port: number, profile: string, gatewayUrl: string, later: Later): Child {
  return runChild(
    CHROMIUM,
    [
      '--headless',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      ...CHROMIUM_FLAGS,
      `${gatewayUrl}?kiosk`,
    ],
    later,
  );
}

/**
 * Crashes the wall page and waits until the watchdog has seen its `crashes`th crash; the crash
 * is sent again if it was lost on the way, so a lost command is not taken for a blind watchdog.
 */
async function crashWallPage(cdp: string, watchdog: Child, crashes: number): Promise<void> {
  const seen = () => count(watchdog.output(), 'crashed; reloading') >= crashes;
  const deadline = Date.now() + DEADLINE_MS;
  let sent = 0;
  while (!seen()) {
    if (Date.now() > deadline) {
      throw new Error(
        `the watchdog saw no crash after ${sent} Page.crash sent; the page is ` +
          `${await wallState(cdp)}\n${logOf(watchdog)()}`,
      );
    }
    const target = await kioskPage(cdp);
    if (target?.webSocketDebuggerUrl) {
      await command(target.webSocketDebuggerUrl, 'Page.crash', {}, false);
      sent++;
    }
    const waitUntil = Date.now() + REPLY_MS;
    while (!seen() && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 100));
  }
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

function logOf(child: Child): () => string {
  return () => `watchdog said:\n${child.output()}`;
}

describe('skewboard wall-watchdog', () => {
  const later = cleanupsAfterEach();

  it('reloads the wall page after its renderer crashes', async () => {
    const gateway = await startGateway([]);
    later(() => gateway.stop());
    const profile = await tempDir();
    later(() => profile.remove());
    const port = await freePort();
    const cdp = `http://127.0.0.1:${port}`;
    const browser = startWallBrowser(port, profile.path, gateway.url, later);
    await until(
      DEADLINE_MS,
      async () => (await wallState(cdp)) === LIVE,
      () => `the wall page never showed live:\n${browser.output()}`,
    );

    const watchdog = runChild(process.execPath, [BIN, 'wall-watchdog', '--cdp', cdp], later);
    await until(DEADLINE_MS, () => watchdog.output().includes('watching page'), logOf(watchdog));

    const before = await kioskPage(cdp);
    // marks this document, so the one after the crash can be told from it
    await command(before!.webSocketDebuggerUrl!, 'Runtime.evaluate', {
      expression: 'window.__beforeCrash = true',
    });
    expect(await wallState(cdp)).toBe(
      JSON.stringify({ heatmap: true, connection: 'live', sameDocument: true }),
    );
    await crashWallPage(cdp, watchdog, 1);

    await until(
      DEADLINE_MS,
      () =>
        /page \S+\?kiosk crashed; reloading it\n.*page \S+\?kiosk reloaded/s.test(
          watchdog.output(),
        ),
      logOf(watchdog),
    );
    let last: string | undefined;
    await until(
      DEADLINE_MS,
      async () => (last = await wallState(cdp)) === LIVE,
      () => `the wall page did not come back (last ${last})\n${logOf(watchdog)()}`,
    );
  }, 400_000);

  it('waits for a browser that restarts, says so once, and watches its page', async () => {
    const gateway = await startGateway([]);
    later(() => gateway.stop());
    const profile = await tempDir();
    later(() => profile.remove());
    const port = await freePort();
    const cdp = `http://127.0.0.1:${port}`;
    // the watchdog starts first, as after a reboot: no browser yet
    const watchdog = runChild(process.execPath, [BIN, 'wall-watchdog', '--cdp', cdp], later);
    await until(DEADLINE_MS, () => watchdog.output().includes('no browser at'), logOf(watchdog));

    const first = startWallBrowser(port, profile.path, gateway.url, later);
    await until(DEADLINE_MS, () => watchdog.output().includes('watching page'), logOf(watchdog));
    await first.stop();
    await until(DEADLINE_MS, () => watchdog.output().includes('lost the browser'), logOf(watchdog));

    const second = startWallBrowser(port, profile.path, gateway.url, later);
    await until(
      DEADLINE_MS,
      async () =>
        count(watchdog.output(), 'watching page') === 2 && (await wallState(cdp)) === LIVE,
      () => `${logOf(watchdog)()}\nbrowser said:\n${second.output()}`,
    );
    expect(count(watchdog.output(), 'no browser at')).toBe(1);
    expect(count(watchdog.output(), 'lost the browser')).toBe(1);

    await crashWallPage(cdp, watchdog, 1);
    await until(DEADLINE_MS, () => watchdog.output().includes('reloaded'), logOf(watchdog));
    let last: string | undefined;
    await until(
      DEADLINE_MS,
      async () => (last = await wallState(cdp)) === LIVE,
      () => `the wall page did not come back (last ${last})\n${logOf(watchdog)()}`,
    );
  }, 600_000);
});
