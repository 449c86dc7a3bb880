/**
 * `skewboard check --haproxy <stats CSV URL> [--window 30s] [--backend NAME]`: reads a live
 * HAProxy twice, a window apart, and judges that one interval with the detector the dashboard
 * runs. Prints the alert lines of `skewboard analyze`; exit 0 none, 1 some fired, 2 bad input.
 */
import { statsFrame, statsServers, type StatsSnapshot } from '../../core/haproxy-stats';
import { createDetector, layerOverrides, type DetectorOverrides } from '../../core/detector';
import { PROTOCOL_VERSION } from '../../core/protocol';
import { parseArgs, UsageError } from '../args';
import { readDetectorConfig } from '../detector-config-file';
import { readStats } from '../sources/haproxy-source';

export const CHECK_FLAGS = ['haproxy', 'window', 'backend', 'config'];
export const CHECK_USAGE =
  'skewboard check --haproxy <stats CSV URL> [--window 30s] [--backend NAME]';

const DEFAULT_WINDOW = '30s';
// a stats page that takes this long to answer is not one to judge
const FETCH_TIMEOUT_MS = 10_000;

// one window is all a one-shot check sees, so every rule may fire on it; the thresholds,
// the statistics and the messages stay the dashboard's
const ONE_SHOT: DetectorOverrides = {
  shareSkew: { fireAfterMs: 0 },
  latency: { fireAfterMs: 0 },
  errors: { fireAfterMs: 0 },
  serverDown: { fireAfterMs: 0 },
};

/** "500ms", "30s", "2m" in ms; null for anything else. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text.trim());
  if (!m) return null;
  const ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
  return ms > 0 ? Math.round(ms) : null;
}

export async function check(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, CHECK_FLAGS);
  // before the window is waited out, so a typo costs no wait
  const overrides = layerOverrides(readDetectorConfig(args.flags.get('config')), ONE_SHOT);
  if (args.positional.length > 0) {
    throw new UsageError(`check takes no ${JSON.stringify(args.positional[0])}`);
  }
  const url = args.flags.get('haproxy');
  if (!url) throw new UsageError('check needs --haproxy <stats CSV URL>');
  const fail = (problem: string) => {
    console.error(`skewboard check: ${url}: ${problem}`);
    return 2;
  };
  const rawWindow = args.flags.get('window') ?? DEFAULT_WINDOW;
  const windowMs = parseDuration(rawWindow);
  if (windowMs === null) {
    return fail(`--window ${JSON.stringify(rawWindow)} is not a duration such as 500ms, 30s or 2m`);
  }

  let before: StatsSnapshot;
  let after: StatsSnapshot;
  try {
    before = await readStats(url, FETCH_TIMEOUT_MS);
    await new Promise((r) => setTimeout(r, Math.max(0, before.t + windowMs - Date.now())));
    after = await readStats(url, FETCH_TIMEOUT_MS);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }

  const backend = args.flags.get('backend');
  if (backend !== undefined) {
    const pools = [...new Set(statsServers(after.rows).map((s) => s.pool))];
    if (!pools.includes(backend)) {
      return fail(
        `no backend ${JSON.stringify(backend)} with servers (there are: ${pools.join(', ') || 'none'})`,
      );
    }
    const mine = (s: StatsSnapshot) => ({ ...s, rows: s.rows.filter((r) => r.pxname === backend) });
    before = mine(before);
    after = mine(after);
  }

  const frame = statsFrame(before, after);
  const detector = createDetector(overrides);
  detector.hello({
    v: PROTOCOL_VERSION,
    source: `haproxy:${url}`,
    mode: 'live',
    intervalMs: frame.intervalMs,
    servers: statsServers(after.rows),
    now: after.t,
  });
  const events = detector.frame({ v: PROTOCOL_VERSION, seq: 0, ...frame });
  for (const event of events) console.log(JSON.stringify(event));
  return events.some((e) => e.state === 'firing') ? 1 : 0;
}
