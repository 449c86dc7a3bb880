/**
 * The socket side of the wall watchdog: finds the browser's websocket from `<cdp>/json/version`
 * and feeds a page watcher until the browser goes away.
 */
import WebSocket from 'ws';
import { createPageWatcher, type CdpMessage } from './page-watcher';

// a DevTools endpoint that does not answer in this long is not there
const LOOKUP_TIMEOUT_MS = 5_000;

async function browserSocketUrl(cdp: string): Promise<string> {
  const response = await fetch(new URL('/json/version', cdp), {
    signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${cdp}/json/version answered ${response.status}`);
  const body = (await response.json()) as { webSocketDebuggerUrl?: unknown };
  if (typeof body.webSocketDebuggerUrl !== 'string') {
    throw new Error(`${cdp}/json/version has no webSocketDebuggerUrl`);
  }
  return body.webSocketDebuggerUrl;
}

/**
 * Watches the browser at `cdp` until its socket closes; rejects when it cannot connect, and
 * calls `connected` once it has.
 */
export async function watchBrowser(
  cdp: string,
  log: (line: string) => void,
  connected: () => void,
): Promise<void> {
  const url = await browserSocketUrl(cdp);
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  connected();
  let nextId = 0;
  const watcher = createPageWatcher(
    {
      send(method, params = {}, sessionId) {
        const id = ++nextId;
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
        return id;
      },
    },
    log,
  );
  await new Promise<void>((resolve) => {
    socket.on('message', (data) => {
      let message: CdpMessage;
      try {
        message = JSON.parse(String(data)) as CdpMessage;
      } catch {
        return; // not CDP: nothing to act on
      }
      if (typeof message === 'object' && message !== null) watcher.handle(message);
    });
    socket.once('close', () => resolve());
    socket.on('error', () => socket.terminate());
    watcher.start();
  });
}
