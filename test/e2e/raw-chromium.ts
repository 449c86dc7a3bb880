/**
 * Debian's Chromium driven over the DevTools Protocol alone, without playwright: playwright
 * keeps every page it drives focused and visible (focus emulation), so a tab it drives can
 * never be hidden or frozen the way Chrome hides and freezes a background tab.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM, CHROMIUM_FLAGS } from './harness';

/** One tab: CDP commands on its session, and its events. */
export interface RawTab {
  send<T = Record<string, unknown>>(method: string, params?: object): Promise<T>;
  /** the value of a JavaScript expression in the page */
  evaluate<T>(expression: string): Promise<T>;
  on(method: string, handle: (params: Record<string, unknown>) => void): void;
}

export interface RawChromium {
  open(url: string): Promise<RawTab>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export async function launchRawChromium(): Promise<RawChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'skewboard-chromium-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      ...CHROMIUM_FLAGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start:\n${err}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
  });
  const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 0;
  const waiting = new Map<number, (m: Message) => void>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as Message;
    if (m.id !== undefined) waiting.get(m.id)?.(m);
    else if (m.method) {
      for (const l of listeners.get(`${m.sessionId ?? ''}:${m.method}`) ?? []) l(m.params ?? {});
    }
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, (m) => {
        waiting.delete(id);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve((m.result ?? {}) as T);
      });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
    });

  return {
    async open(url) {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', {
        url: 'about:blank',
      });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', {
        targetId,
        flatten: true,
      });
      const tab: RawTab = {
        send: (method, params) => send(method, params, sessionId),
        async evaluate<T>(expression: string) {
          const r = await send<{ result: { value: T }; exceptionDetails?: unknown }>(
            'Runtime.evaluate',
            { expression, returnByValue: true },
            sessionId,
          );
          if (r.exceptionDetails) throw new Error(`${expression}: ${JSON.stringify(r)}`);
          return r.result.value;
        },
        on(method, handle) {
          const key = `${sessionId}:${method}`;
          listeners.set(key, [...(listeners.get(key) ?? []), handle]);
        },
      };
      await tab.send('Page.enable');
      await tab.send('Network.enable');
      await tab.send('Page.navigate', { url });
      return tab;
    },
    async close() {
      ws.close();
      child.kill('SIGKILL');
      await new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve(undefined);
        else child.once('exit', resolve);
      });
      // Chromium's helpers may still be writing the profile as they go
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
