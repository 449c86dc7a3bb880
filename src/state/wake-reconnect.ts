/**
 * A tab coming back (shown again, resumed from frozen, back online) must not wait out the
 * reconnect backoff: its socket died of the tab's sleep, not of a gateway in trouble, and
 * Chrome's throttled timers made the page late already. So the socket is reopened at once
 * (resuming after the last seq held) when it is down on waking, or when it drops soon after.
 */
export interface WakeReconnect {
  /** the tab is shown, resumed or online again */
  woke(): void;
  /** the socket dropped, for socket.io's `reason` */
  dropped(reason: string): void;
}

export interface WakeReconnectDeps {
  /** a monotonic clock, ms */
  now: () => number;
  connected: () => boolean;
  /** closes whatever is left of the socket and opens a new one now */
  reconnectNow: () => void;
}

/**
 * how long after waking a drop counts as the sleep's: the tab's overdue heartbeat timer and
 * the gateway's close, queued while frozen, land within moments of resuming
 */
export const WAKE_GRACE_MS = 10_000;

export function createWakeReconnect(deps: WakeReconnectDeps): WakeReconnect {
  let wokeAt = -Infinity;
  // one reopen per waking: a tab comes back with several events (resume, then shown), and a
  // second reopen would cut off the first one's handshake
  let reopened = false;
  const reopen = () => {
    if (reopened) return;
    reopened = true;
    deps.reconnectNow();
  };
  return {
    woke() {
      const now = deps.now();
      if (now - wokeAt > WAKE_GRACE_MS) reopened = false;
      wokeAt = now;
      if (!deps.connected()) reopen();
    },
    dropped(reason) {
      // the page's own disconnect (it stops the feed, or reopens it here) is no sleep's
      if (reason === 'io client disconnect') return;
      if (deps.now() - wokeAt <= WAKE_GRACE_MS) reopen();
    },
  };
}

/** Calls `woke` whenever the browser brings the tab back; returns the unsubscribe. */
export function onTabWake(woke: () => void): () => void {
  const visible = () => {
    if (document.visibilityState === 'visible') woke();
  };
  document.addEventListener('resume', woke);
  document.addEventListener('visibilitychange', visible);
  window.addEventListener('online', woke);
  return () => {
    document.removeEventListener('resume', woke);
    document.removeEventListener('visibilitychange', visible);
    window.removeEventListener('online', woke);
  };
}
