/**
 * The wall watchdog's life: watch the browser, and when it goes away (a restart, a wall
 * switched off) try again with a bounded backoff, saying so once per outage.
 */
import { watchBrowser } from './browser-connection';
import { reconnectDelay } from './reconnect-policy';

// fetch says only "fetch failed"; the cause says why (ECONNREFUSED, a timeout)
function problem(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause?.code ?? cause?.message;
  return typeof detail === 'string' ? `${err.message}: ${detail}` : err.message;
}

/** Runs until the process is stopped. */
export async function runWatchdog(cdp: string, log: (line: string) => void): Promise<never> {
  let failures = 0;
  let inOutage = false;
  for (;;) {
    await new Promise((r) => setTimeout(r, reconnectDelay(failures)));
    try {
      await watchBrowser(cdp, log, () => {
        failures = 0;
        inOutage = false;
        log(`connected to the browser at ${cdp}`);
      });
      if (!inOutage) log(`lost the browser at ${cdp}; retrying`);
      inOutage = true;
      failures = 1;
    } catch (err) {
      if (!inOutage) {
        log(`no browser at ${cdp} (${problem(err)}); retrying`);
      }
      inOutage = true;
      failures++;
    }
  }
}
