/**
 * `skewboard check --haproxy <stats CSV URL> [--window 30s] [--backend NAME]`: reads a live
 * HAProxy twice, a window apart, and judges that one interval with the detector the dashboard
 * runs. Prints the alert lines of `skewboard analyze`; exit 0 none, 1 some fired, 2 bad input.
 */
import {
  STATS_LATENCY,
  statsFrame,
  statsServers,
  type StatsSnapshot,
} from '../../core/sources/haproxy-stats';
import type { DetectorOverrides } from '../../core/detector';
import { judgeOnce } from '../../core/detector/one-shot';
import { defineCommand } from '../command-line/command';
import { UsageError } from '../command-line/usage-error';
import { readDetectorConfig } from '../detector-config-file';
import { readStats } from '../sources/haproxy-source';
import { sourceRequest } from '../../core/sources/source-auth';

// a stats page that takes this long to answer is not one to judge
const FETCH_TIMEOUT_MS = 10_000;

// a longer wait than a timer holds (2^31 ms) would fire at once; a day is past any pipeline step
const MAX_WINDOW_MS = 86_400_000;

export const checkCommand = defineCommand(
  {
    name: 'check',
    summary: 'samples a live HAProxy twice and judges its shares against the configured weights',
    operands: [],
    options: {
      haproxy: {
        type: 'string',
        placeholder: 'URL',
        required: true,
        help: "the stats CSV's URL, e.g. http://lb:8404/stats;csv",
      },
      window: {
        type: 'string',
        placeholder: 'DURATION',
        kind: 'duration',
        default: '30s',
        help: 'how long between the two samples',
      },
      backend: { type: 'string', placeholder: 'NAME', help: 'judge this backend only' },
      config: {
        type: 'string',
        placeholder: 'FILE',
        help: "JSON overrides of the detector's defaults",
      },
    },
    notes: ['prints one JSON line per alert; exit 0: none fired, 1: one fired, 2: bad input'],
  },
  async (options) => {
    const { window: windowMs, backend } = options;
    // credentials go in a header, and the URL is shown without them
    const { url, headers } = sourceRequest(options.haproxy, process.env.SKEWBOARD_SOURCE_AUTH);
    if (windowMs <= 0 || windowMs > MAX_WINDOW_MS) {
      throw new UsageError('--window must be more than 0 and at most 1d');
    }
    const overrides = readDetectorConfig(options.config);
    return judge(url, headers, windowMs, backend, overrides);
  },
);

async function judge(
  url: string,
  headers: Record<string, string>,
  windowMs: number,
  backend: string | undefined,
  overrides: DetectorOverrides,
): Promise<number> {
  const fail = (problem: string) => {
    console.error(`skewboard check: ${url}: ${problem}`);
    return 2;
  };
  let before: StatsSnapshot;
  let after: StatsSnapshot;
  try {
    before = await readStats(url, FETCH_TIMEOUT_MS, headers);
    await new Promise((r) => setTimeout(r, Math.max(0, before.t + windowMs - Date.now())));
    after = await readStats(url, FETCH_TIMEOUT_MS, headers);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }

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
  const hello = {
    source: `haproxy:${url}`,
    mode: 'live' as const,
    intervalMs: frame.intervalMs,
    servers: statsServers(after.rows),
    now: after.t,
    latency: STATS_LATENCY,
  };
  // one window is all a one-shot check sees, so every rule may fire on it
  const events = judgeOnce(hello, frame, overrides);
  for (const event of events) console.log(JSON.stringify(event));
  return events.some((e) => e.state === 'firing') ? 1 : 0;
}
