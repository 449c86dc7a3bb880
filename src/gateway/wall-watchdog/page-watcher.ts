/**
 * What the wall watchdog does over one browser connection, without the socket: attach to every
 * page the browser has or opens (flat sessions), and reload a page whose renderer crashed.
 * A crashed renderer ("Aw, Snap") cannot reload itself; the browser process can.
 */

/** A message the browser sends: a response (id) or an event (method), maybe for a session. */
export interface CdpMessage {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly sessionId?: string;
  readonly error?: { readonly message?: string };
}

/** Where commands go; the socket in production, a list in the tests. */
export interface CdpSender {
  send(method: string, params?: Record<string, unknown>, sessionId?: string): number;
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
}

function targetInfo(params: Record<string, unknown> | undefined): TargetInfo | undefined {
  const info = params?.targetInfo as Partial<TargetInfo> | undefined;
  if (typeof info?.targetId !== 'string' || typeof info.type !== 'string') return undefined;
  return { targetId: info.targetId, type: info.type, url: String(info.url ?? '') };
}

/** Only pages can show "Aw, Snap"; workers and extensions are the browser's business. */
export function shouldWatch(info: { type: string }): boolean {
  return info.type === 'page';
}

export interface PageWatcher {
  /** the commands that start the watch on a fresh connection */
  start(): void;
  handle(message: CdpMessage): void;
}

export function createPageWatcher(cdp: CdpSender, log: (line: string) => void): PageWatcher {
  const urls = new Map<string, string>(); // targetId -> its last URL
  const attaching = new Set<string>();
  const sessions = new Map<string, string>(); // sessionId -> targetId
  const reloads = new Map<number, string>(); // command id -> URL being reloaded

  const watch = (info: TargetInfo) => {
    urls.set(info.targetId, info.url);
    if (!shouldWatch(info) || attaching.has(info.targetId)) return;
    attaching.add(info.targetId);
    cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: true });
  };

  const forget = (targetId: string) => {
    urls.delete(targetId);
    attaching.delete(targetId);
    for (const [session, target] of sessions) if (target === targetId) sessions.delete(session);
  };

  const onCrash = (sessionId: string) => {
    const targetId = sessions.get(sessionId);
    if (targetId === undefined) return;
    const url = urls.get(targetId) ?? '';
    log(`page ${url} crashed; reloading it`);
    reloads.set(cdp.send('Page.reload', { ignoreCache: false }, sessionId), url);
  };

  return {
    start() {
      cdp.send('Target.setDiscoverTargets', { discover: true });
    },
    handle(message) {
      if (message.id !== undefined) {
        const url = reloads.get(message.id);
        if (url === undefined) return;
        reloads.delete(message.id);
        log(
          message.error
            ? `page ${url} could not be reloaded: ${message.error.message ?? 'unknown error'}`
            : `page ${url} reloaded`,
        );
        return;
      }
      const info = targetInfo(message.params);
      switch (message.method) {
        case 'Target.targetCreated':
          if (info) watch(info);
          return;
        case 'Target.targetInfoChanged':
          // a page let go of (detached) is taken again here, with its new URL
          if (info) watch(info);
          return;
        case 'Target.targetDestroyed':
          if (typeof message.params?.targetId === 'string') forget(message.params.targetId);
          return;
        case 'Target.attachedToTarget': {
          const sessionId = message.params?.sessionId;
          if (!info || typeof sessionId !== 'string') return;
          sessions.set(sessionId, info.targetId);
          urls.set(info.targetId, info.url);
          cdp.send('Inspector.enable', {}, sessionId);
          log(`watching page ${info.url}`);
          return;
        }
        case 'Target.detachedFromTarget': {
          const sessionId = message.params?.sessionId;
          if (typeof sessionId !== 'string') return;
          const targetId = sessions.get(sessionId);
          sessions.delete(sessionId);
          // attached again on the page's next change, if it is still there
          if (targetId !== undefined) attaching.delete(targetId);
          return;
        }
        case 'Inspector.targetCrashed':
          if (message.sessionId !== undefined) onCrash(message.sessionId);
          return;
      }
    },
  };
}
