/**
 * `skewboard serve`: the gateway and the built SPA on one port.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { RecordedPayload } from '../core/recording/recording';
import { createLiveAlerts, resolveConfig } from '../core/detector';
import { latencyNotice } from '../core/sources/prometheus/presets';
import { readDetectorConfig } from './detector-config-file';
import { checkPresetFlags, chosenPreset, type PresetFlags } from './prometheus-preset-option';
import { sourceRequest, withoutCredentials } from '../core/sources/source-auth';
import { Hub } from './hub';
import { Cluster } from './cluster/cluster';
import { getScenario } from '../../mocks/scenarios';
import { UsageError } from './command-line/usage-error';
import { httpRoutes } from './http-routes';
import { openNoteStore } from './note-store';
import { packageRoot, packageVersion } from './own-package';
import type { AlertPayload, FiringAlerts } from './ops/alert-payload';
import { logAlert } from './ops/alert-log';
import { createAlertDelivery, type AlertDelivery } from './delivery/alert-delivery';
import { watchGateway } from './ops/gateway-watch';
import { createLogger, parseLogFormat, type Logger } from './ops/logger';
import { GatewayMetrics } from './ops/metrics';
import { readRecording } from './read-recording';
import { describePlan, openRecording, recordPlan } from './recording/record-plan';
import type { ServeOptions } from './serve-options';
import { haproxySource } from './sources/haproxy-source';
import { prometheusSource } from './sources/prometheus-source';
import { replaySource, replaySourceName } from './sources/replay-source';
import { simSource } from './sources/sim-source';
import type { Source } from './sources/source';
import { allowedOrigins, type OriginPolicy } from './security/origin';
import { socketServer } from './socket-server';
import { securityHeaders } from './static/security-headers';
import { staticFiles } from './static/static-files';

const BUFFER_FRAMES = 2000;

/** A secret from its flag, else its environment variable (so it need not show in `ps`). */
function secret(given: string | undefined, flag: string, envName: string): string | undefined {
  const value = given ?? process.env[envName];
  if (value === undefined) return undefined;
  if (value === '') throw new UsageError(`--${flag} (or ${envName}) is empty`);
  return value;
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

// faster than this, a poll is mostly its own HTTP round trips
const MIN_POLL_MS = 100;

/** How a live source (haproxy:, prometheus:) is read. */
interface PollOptions extends PresetFlags {
  intervalMs: number;
}

/** credentials for a source's system: in an Authorization header, never in a URL shown */
const AUTH = () => process.env.SKEWBOARD_SOURCE_AUTH;

const splitSpec = (spec: string) => {
  const colon = spec.indexOf(':');
  return colon < 0
    ? { kind: spec, target: '' }
    : { kind: spec.slice(0, colon), target: spec.slice(colon + 1) };
};

/** How a source is made once the recording (or the cluster) says where to carry on. */
interface SourceMaker {
  make(skipFrames: number): Source;
  /** the frames a run of this source plays up to time `t`: where a new holder carries on */
  playedBy(t: number): number;
}

/**
 * Checks the source (and reads a replay's file, so a bad one stops the gateway before it
 * listens); the source itself is made once the recording says where to carry on.
 */
async function sourceFrom(
  spec: string,
  name: string,
  speed: number,
  seed: number | undefined,
  logger: Logger,
  json: boolean,
  polling: PollOptions,
): Promise<SourceMaker> {
  const warn = (m: string) => logger.warn(m);
  const { kind, target } = splitSpec(spec);
  checkPresetFlags(polling, kind);
  switch (kind) {
    case 'sim': {
      const scenario = target || 'lb-misconfig';
      return {
        make: (skipFrames) =>
          simSource({ scenario, speed, skipFrames, ...(seed !== undefined && { seed }) }),
        // seeded, it can start anywhere: the frame ending at t is the n-th
        playedBy: (t) => {
          const { startT, intervalMs } = getScenario(scenario);
          return Math.max(0, Math.floor((t - startT) / intervalMs));
        },
      };
    }
    case 'haproxy':
      // a live HAProxy runs in real time: --speed does not apply
      if (!target)
        throw new UsageError(
          '--source haproxy:<stats CSV URL>, e.g. haproxy:http://lb:8404/stats;csv',
        );
      return live(() =>
        haproxySource({
          ...sourceRequest(target, AUTH()),
          name,
          warn,
          intervalMs: polling.intervalMs,
        }),
      );
    case 'prometheus': {
      if (!target) {
        throw new UsageError(
          '--source prometheus:<base URL>, e.g. prometheus:http://prometheus:9090',
        );
      }
      const request = sourceRequest(target, AUTH());
      const preset = chosenPreset(polling);
      const notice = latencyNotice(preset);
      if (notice) logger.info(notice, { preset: preset.name, latency: preset.latency });
      return live(() =>
        prometheusSource({ ...request, name, preset, warn, intervalMs: polling.intervalMs }),
      );
    }
    case 'replay': {
      if (!target) throw new UsageError('--source replay:<recording.ndjson or .ndjson.gz>');
      // held whole, not streamed: the replay needs all of it before it plays (a bad line stops
      // the gateway before it listens, a note removed later is never sent, a restart skips what
      // was played), so the read stops at MAX_HELD_BYTES instead. Throws "file:line: problem",
      // which the command line reports with exit 2
      const recording = await readRecording(target);
      if (recording.warning) warn(`${recording.name}: ${recording.warning}`);
      // the replay's own lines keep their text form; in json they are the logger's
      const log = json ? (m: string) => logger.info(m, { source: spec }) : undefined;
      return {
        make: (skipFrames) =>
          replaySource({
            payloads: recording.payloads,
            file: target,
            speed,
            skipFrames,
            ...(log && { log }),
          }),
        playedBy: (t) =>
          recording.payloads.filter((p) => p.type === 'frame' && p.payload.t <= t).length,
      };
    }
    default:
      throw new UsageError(
        `--source ${JSON.stringify(spec)}: unknown source; use sim:<scenario> (e.g. sim:lb-misconfig), replay:<file>, haproxy:<stats CSV URL> or prometheus:<base URL>`,
      );
  }
}

/** A live system is read as it is now: there is nothing to skip. */
const live = (make: () => Source): SourceMaker => ({ make, playedBy: () => 0 });

export async function serve(options: ServeOptions): Promise<number> {
  const { port, speed, seed, host, source: spec } = options;
  const logFormat = parseLogFormat(options['log-format']);
  if (!logFormat) {
    throw new UsageError(`--log-format ${JSON.stringify(options['log-format'])}: use text or json`);
  }
  const logger = createLogger({ format: logFormat });
  const warn = (m: string) => logger.warn(m);
  // a bad config stops the gateway before it listens (exit 2 naming the key), as in analyze
  const detectorOverrides = readDetectorConfig(options.config);
  // the one window every share is taken over: the detector's, the page's bars', /metrics'
  const shareWindowMs = resolveConfig(detectorOverrides).windowMs;
  const version = packageVersion();
  const receivers = {
    alertmanager: receiverUrl(options.alertmanager, 'alertmanager'),
    webhook: receiverUrl(options.webhook, 'webhook'),
    externalUrl: receiverUrl(options['external-url'], 'external-url'),
  };
  if (options.interval < MIN_POLL_MS) {
    throw new UsageError(`--interval ${options.interval} ms: at least ${MIN_POLL_MS} ms`);
  }
  const { kind, target } = splitSpec(spec);
  // what hello.source, the log and the recording call the source; a URL without its credentials
  const sourceName =
    spec === 'sim'
      ? 'sim:lb-misconfig'
      : kind === 'replay'
        ? replaySourceName(target)
        : `${kind}:${withoutCredentials(target)}`;
  const redisUrl = options.redis === undefined ? undefined : redisUrlOf(options.redis);
  const sources = await sourceFrom(spec, sourceName, speed, seed, logger, logFormat === 'json', {
    intervalMs: options.interval,
    ...(options.preset !== undefined && { preset: options.preset }),
    ...(options.queries !== undefined && { queries: options.queries }),
  });
  const dataDir = options.data;
  const plan = recordPlan(options, dataDir, kind === 'replay');
  const recorder = openRecording(plan, BUFFER_FRAMES, warn);
  // clustered, the cluster's stream says where to carry on, not this gateway's recording
  const restored = redisUrl === undefined ? recorder?.restored : undefined;
  // a restarted simulator carries on where the recording stopped instead of replaying it
  const played = restored?.source?.source === sourceName ? restored.source.frames : 0;
  const source = redisUrl === undefined ? sources.make(played) : undefined;
  const cluster =
    redisUrl === undefined
      ? undefined
      : new Cluster({
          url: redisUrl,
          name: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
          bufferFrames: BUFFER_FRAMES,
          logger,
        });

  const token = secret(options.token, 'token', 'SKEWBOARD_TOKEN');
  const writeToken = secret(options['write-token'], 'write-token', 'SKEWBOARD_WRITE_TOKEN');
  let origins: OriginPolicy;
  try {
    origins = { allowed: allowedOrigins(options['allow-origin']) };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const io = socketServer(origins);
  // clustered, notes live in Redis with the other annotations
  const notes = cluster ? undefined : openNoteStore(join(dataDir, 'annotations.ndjson'), warn);
  // made once the port is known (an alert's link names it); no alert fires before the source starts
  let delivery: AlertDelivery | undefined;
  // set once the hub exists; the metrics read it when scraped, never before
  let hubOf: () => Hub | undefined = () => undefined;
  // what /api/alerts and skewboard_alerts_firing read: the hub's detector, once there is a hub
  const firingAlerts: FiringAlerts = () => hubOf()?.firingAlerts() ?? [];
  const metrics = new GatewayMetrics({
    firingAlerts,
    clients: () => hubOf()?.clients() ?? 0,
    rejected: () => hubOf()?.rejectedCount ?? 0,
    ready: () => hubOf()?.readiness().ready ?? false,
    windowMs: shareWindowMs,
  });
  const sendAlert = (alert: AlertPayload) => {
    logAlert(logger, alert);
    delivery?.transition(alert);
  };
  const onPayload = (type: RecordedPayload['type'], payload: object) => {
    metrics.observe(type, payload);
    // clustered, every gateway serves the stream and only the holder records it
    if (!cluster || cluster.holding) recorder?.write(type, payload);
    if (type === 'alert' && !cluster) sendAlert(payload as AlertPayload);
  };
  const hub = new Hub(io, {
    ...(token !== undefined && { token }),
    ...(writeToken !== undefined && { writeToken }),
    ...(notes && { notes }),
    ...(cluster && {
      // the holder's detector delivers its alerts as it publishes them, once for the cluster
      publish: (event, payload) => {
        if (event === 'alert') sendAlert(payload as AlertPayload);
        cluster.publish(event, payload);
      },
    }),
    bufferFrames: BUFFER_FRAMES,
    bufferAgeMs: 6 * 3600_000,
    warn,
    onPayload,
    alerts: createLiveAlerts(detectorOverrides),
    shareWindowMs,
    version,
    ...(restored?.nextSeq !== undefined && { nextSeq: restored.nextSeq }),
    ...(restored?.gatewayId !== undefined && { gatewayId: restored.gatewayId }),
  });
  // a new recording file starts with what the hub holds, so it loads on its own
  hubOf = () => hub;
  recorder?.useHeader(() => ({
    hello: hub.hello(),
    annotations: [...hub.annotations.values()],
    alerts: hub.firingAlerts(),
  }));
  for (const a of restored?.annotations ?? []) hub.annotations.set(a.id, a);
  for (const f of restored?.frames ?? []) hub.log.append(f);
  // only a source carrying on where it stopped: another one's frames may be older, and the
  // detector skips a frame older than one it has seen
  if (played > 0) hub.catchUpDetector(restored?.hello, restored?.frames ?? []);
  // the API is asked before the page; socket.io, attached after, answers /socket.io first
  const http = createServer(
    httpRoutes({
      hub,
      tokens: {
        ...(token !== undefined && { read: token }),
        ...(writeToken !== undefined && { write: writeToken }),
      },
      origins,
      headers: securityHeaders({ allowFrame: options['allow-frame'] }),
      version,
      fallback: staticFiles(join(packageRoot(), 'dist')),
      metrics,
      firingAlerts,
      warn,
      info: (m, fields) => logger.info(m, fields),
    }),
  );
  io.attach(http);

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolveListen());
  });
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  logger.info(`Skewboard gateway: ${sourceName} at ${speed}x`, { source: sourceName, speed });
  if (recorder && plan.kind !== 'off') {
    logger.info(`Recording to ${describePlan(plan)}`, { recording: describePlan(plan) });
  }
  if (!isLoopback(host) && token === undefined) {
    warn(
      `listening on ${host} with no --token: anyone who can reach port ${actualPort} can read every frame${writeToken === undefined ? ' and add, change or remove notes' : ''}; set --token (or SKEWBOARD_TOKEN) and --write-token`,
    );
  }
  logger.info(`Open http://localhost:${actualPort}/`, { host, port: actualPort });
  if (receivers.alertmanager || receivers.webhook) {
    delivery = createAlertDelivery({
      source: sourceName,
      pageUrl:
        receivers.externalUrl ??
        `http://${isLoopback(host) ? 'localhost' : hostname()}:${actualPort}/`,
      log: logger,
      ...(receivers.alertmanager && { alertmanager: receivers.alertmanager }),
      ...(receivers.webhook && { webhook: receivers.webhook }),
    });
    metrics.deliveries(() => delivery?.stats() ?? {});
    const where = [receivers.alertmanager, receivers.webhook].filter(Boolean).join(' and ');
    logger.info(`Alerts go to ${where}`, {
      alertmanager: receivers.alertmanager,
      webhook: receivers.webhook,
    });
  }
  if (cluster) {
    logger.info(`Clustered on ${withoutCredentials(redisUrl!)}`, {
      redis: withoutCredentials(redisUrl!),
    });
    cluster.start(hub, {
      newAlerts: () => createLiveAlerts(detectorOverrides),
      holding: (holding) => delivery?.carryOn(holding ? hub.firingAlerts() : []),
      runSource: (sink, last) => {
        // the same source carries on after the cluster's last frame; another starts afresh
        const carryOn = last.frame && last.hello.source === sourceName;
        const started = sources.make(carryOn ? sources.playedBy(last.frame!.t) : 0);
        started.start(sink);
        return () => started.stop();
      },
    });
  } else source!.start(hub);
  const unwatch = watchGateway(
    { readiness: () => hub.readiness(), clients: () => hub.clients(), source: () => sourceName },
    logger,
  );

  const signal = await new Promise<NodeJS.Signals>((resolveStop) => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
  });
  logger.info(`shutting down (${signal})`, { signal, clients: hub.clients() });
  unwatch();
  source?.stop();
  await cluster?.stop();
  delivery?.stop();
  await new Promise<void>((r) => io.close(() => r()));
  await recorder?.close();
  logger.info('stopped', { signal });
  return 0;
}

/** A redis:// or rediss:// URL from --redis, or a usage error. */
function redisUrlOf(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'redis:' && url?.protocol !== 'rediss:') {
    throw new UsageError(
      `--redis ${JSON.stringify(withoutCredentials(value))}: use a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379`,
    );
  }
  return value;
}

/** An http(s) URL from a flag, or a usage error naming the flag. */
function receiverUrl(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--${flag} ${JSON.stringify(value)}: not a URL (e.g. http://127.0.0.1:9093)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--${flag} ${JSON.stringify(value)}: use an http or https URL`);
  }
  return url.toString();
}
