/**
 * `skewboard test-lb <config> [--kind haproxy|nginx] [--backend NAME] [--clients N]
 * [--requests N] [--expect a=w,b=w]` (CONTRACT section 3): runs the real load balancer on
 * loopback with the configuration's balancing and stubs for its servers, sends each traffic
 * profile through it and judges the shares. Exit 0: every profile holds; 1: one skews; 2: the
 * configuration, the backend or the balancer is wrong or missing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  configKind,
  LbConfigError,
  readBackend,
  runnableConfig,
  sharingWeight,
  balancerComplaint,
  type BalancedBackend,
  type LbKind,
} from '../../core/lb-config';
import { expectWeights } from '../../core/lb-verdict/expect-weights';
import { judgeProfile, type ProfileVerdict } from '../../core/lb-verdict/share-verdict';
import { trafficProfiles } from '../../core/lb-verdict/traffic-profiles';
import { verdictTable } from '../../core/lb-verdict/verdict-table';
import { defineCommand } from '../command-line/command';
import { UsageError } from '../command-line/usage-error';
import { readDetectorConfig } from '../detector-config-file';
import { BalancerError, findBalancer, startBalancer } from '../test-lb/balancer-process';
import { sendTraffic } from '../test-lb/send-traffic';
import { freeLoopbackPort, startStubs } from '../test-lb/stub-servers';

// past these a run is a load test, not a pipeline step
const MAX_REQUESTS = 20_000;
const MAX_CLIENTS = 10_000;
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export const testLbCommand = defineCommand(
  {
    name: 'test-lb',
    summary: "tests a load balancer configuration's traffic shares on loopback before it ships",
    operands: [{ name: '<config>', about: 'config: an HAProxy or nginx configuration file' }],
    options: {
      kind: {
        type: 'string',
        placeholder: 'haproxy|nginx',
        help: 'which balancer (default: told from the file)',
      },
      backend: {
        type: 'string',
        placeholder: 'NAME',
        help: "the backend or upstream to test (default: the only one, or the default frontend's)",
      },
      clients: {
        type: 'string',
        placeholder: 'N',
        kind: 'number',
        min: 1,
        default: '3',
        help: 'client addresses in the few-clients profiles',
      },
      requests: {
        type: 'string',
        placeholder: 'N',
        kind: 'number',
        min: 1,
        default: '400',
        help: 'requests sent in each profile',
      },
      expect: {
        type: 'string',
        placeholder: 'a=w,b=w',
        help: "the intended weights, judged instead of the configuration's",
      },
      config: {
        type: 'string',
        placeholder: 'FILE',
        help: "JSON overrides of the detector's defaults",
      },
    },
    notes: [
      'profiles: many and few client addresses on 127.0.0.0/8, with and without keep-alive',
      'prints one JSON alert line per skewed profile on stdout and a table on stderr',
      "exit 0: every profile holds, 1: one skews, 2: the config doesn't start, no such backend, or no balancer",
      'only 127.0.0.0/8 is ever contacted: a config left with another address is refused',
    ],
  },
  async (options, [file]) => {
    const { clients, requests } = options;
    if (!Number.isInteger(requests) || requests > MAX_REQUESTS) {
      throw new UsageError(`--requests must be a whole number from 1 to ${MAX_REQUESTS}`);
    }
    if (!Number.isInteger(clients) || clients > MAX_CLIENTS) {
      throw new UsageError(`--clients must be a whole number from 1 to ${MAX_CLIENTS}`);
    }
    if (options.kind !== undefined && options.kind !== 'haproxy' && options.kind !== 'nginx') {
      throw new UsageError(`--kind must be haproxy or nginx, not ${JSON.stringify(options.kind)}`);
    }
    const overrides = readDetectorConfig(options.config);
    const fail = (problem: string) => {
      console.error(`skewboard test-lb: ${file}: ${problem}`);
      return 2;
    };
    let text: string;
    try {
      text = await readFile(file!, 'utf8');
    } catch (err) {
      return fail(err instanceof Error ? err.message : String(err));
    }
    if (text.length > MAX_CONFIG_BYTES) return fail('larger than 4 MiB: not a configuration?');
    const kind: LbKind | null = options.kind ?? configKind(text);
    if (kind === null)
      return fail(
        'cannot tell an HAProxy from an nginx configuration: say --kind haproxy or --kind nginx',
      );
    let backend: BalancedBackend;
    let weights: number[];
    try {
      backend = readBackend(kind, text, options.backend);
      weights =
        options.expect === undefined
          ? backend.servers.map(sharingWeight)
          : expectWeights(options.expect, backend.servers);
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(`--expect: ${err.message}`);
      if (err instanceof LbConfigError) return fail(err.message);
      throw err;
    }
    if (weights.every((w) => w === 0))
      return fail(`no server of ${backend.name} has a share to judge (all weight 0 or backup)`);
    const run: Run = {
      file: file!,
      text,
      backend,
      weights,
      expected: options.expect !== undefined,
      clients,
      requests,
      overrides,
    };
    try {
      return await runTest(run);
    } catch (err) {
      if (err instanceof LbConfigError || err instanceof BalancerError) return fail(err.message);
      throw err;
    }
  },
);

interface Run {
  file: string;
  text: string;
  backend: BalancedBackend;
  weights: number[];
  expected: boolean;
  clients: number;
  requests: number;
  overrides: ReturnType<typeof readDetectorConfig>;
}

async function runTest(x: Run): Promise<number> {
  const { backend } = x;
  const binary = findBalancer(backend.kind);
  const dir = await mkdtemp(join(tmpdir(), 'skewboard-test-lb-'));
  const stubs = await startStubs(backend.servers.map((s) => s.name));
  let stopBalancer = async () => {};
  // a pipeline that cancels the step must not leave a balancer behind
  const onSignal = () => void cleanup().then(() => process.exit(130));
  const cleanup = async () => {
    await stopBalancer();
    await stubs.close();
    await rm(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const front = await freeLoopbackPort();
    const config = runnableConfig(x.text, backend, { front, stubs: stubs.ports, dir });
    const configPath = join(dir, backend.kind === 'haproxy' ? 'haproxy.cfg' : 'nginx.conf');
    await writeFile(configPath, config.text);
    let balancer;
    try {
      balancer = await startBalancer(binary, backend, configPath, dir, front);
    } catch (err) {
      if (!(err instanceof BalancerError)) throw err;
      throw new BalancerError(
        `${backend.kind} refused to start:\n${balancerComplaint(err.message, configPath, config, basename(x.file))}`,
      );
    }
    stopBalancer = balancer.stop;
    const verdicts: ProfileVerdict[] = [];
    for (const profile of trafficProfiles({ requests: x.requests, fewClients: x.clients })) {
      const sent = await sendTraffic(front, profile, backend.balancing.urlParam);
      if (sent.failed > 0) {
        throw new BalancerError(
          `${profile.label}: ${sent.failed} of ${profile.requests} requests failed (first: ${sent.firstFailure}); ${backend.kind} said:\n${balancer.output().trim() || '(nothing)'}`,
        );
      }
      const verdict = judgeProfile({
        backend,
        profile,
        weights: x.weights,
        expected: x.expected,
        served: stubs.served(profile.id),
        t: Date.now(),
        overrides: x.overrides,
      });
      if (verdict.alert) console.log(JSON.stringify(verdict.alert));
      verdicts.push(verdict);
    }
    const expectedBy = x.expected ? '--expect' : 'weights';
    console.error(verdictTable(backend, verdicts, expectedBy));
    return verdicts.some((v) => v.alert) ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}
