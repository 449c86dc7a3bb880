/**
 * `skewboard wall-watchdog [--cdp URL]`: reloads the wall's page when its renderer crashes
 * ("Aw, Snap"), which the page cannot do itself. Talks to the wall's Chromium started with
 * `--remote-debugging-port`; runs until stopped, across browser restarts.
 */
import { defineCommand } from '../command-line/command';
import { UsageError } from '../command-line/usage-error';

/** The DevTools endpoint as a base URL, or a usage error naming what is wrong with it. */
export function cdpEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--cdp ${JSON.stringify(value)} is not a URL (e.g. http://127.0.0.1:9222)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--cdp ${JSON.stringify(value)} must be an http:// URL`);
  }
  return url.origin;
}

export const wallWatchdogCommand = defineCommand(
  {
    name: 'wall-watchdog',
    summary: "reloads the wall's page when its renderer crashes",
    operands: [],
    options: {
      cdp: {
        type: 'string',
        placeholder: 'URL',
        default: 'http://127.0.0.1:9222',
        help: "the DevTools endpoint of the wall's Chromium (--remote-debugging-port)",
      },
    },
    notes: ['prints one line per page watched, crash and reload; runs until stopped'],
  },
  async (options) => {
    const cdp = cdpEndpoint(options.cdp);
    // loaded when it runs, as serve is: its WebSocket library is not for the other commands
    const { runWatchdog } = await import('../wall-watchdog/run-watchdog');
    // nothing to finish on the way out: a stop is an exit
    process.once('SIGTERM', () => process.exit(0));
    process.once('SIGINT', () => process.exit(0));
    return runWatchdog(cdp, (line) => console.log(`${new Date().toISOString()} ${line}`));
  },
);
