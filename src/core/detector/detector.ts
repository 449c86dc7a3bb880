/**
 * The detector: frames in, alert transitions out. Pure and synchronous, so the browser, the
 * gateway and `skewboard analyze` run the same code and, fed the same frames, agree to the frame.
 */
import type { Frame, Hello } from '../protocol';
import { alertId, RULES, type Alert, type AlertEvent, type AlertRule, type Level } from './alert';
import { causeOf, type PoolLevels } from './cause';
import { resolveConfig, type DetectorOverrides } from './config';
import { errorsLevel } from './errors';
import { groupChange } from './group';
import { QUIET, stepTrack, type Track } from './hysteresis';
import { latencyLevel } from './latency';
import { firingMessage, resolvedMessage, serversLabel } from './message';
import { poolMetrics, type PoolMetrics } from './metrics';
import { serverDownLevel } from './server-down';
import { shareSkewLevels } from './share-skew';
import { poolWindows, type FrameRecord, type Row } from './window';

/** Feeds on hello and frame payloads; says what is wrong. */
export interface Detector {
  /** Takes the server list (pools, weights); keeps everything learnt so far. */
  hello(h: Hello): void;
  /** Takes the next frame; returns the alerts it fires and resolves (rule by rule, resolutions first). */
  frame(f: Frame): AlertEvent[];
  /** The alerts firing now. */
  firing(): Alert[];
}

/** Servers with no `pool` share this one. */
export const DEFAULT_POOL = '';

interface OpenAlert extends Alert {
  pool: string;
  /** how the firing message named the servers, for the resolved one */
  who: string;
}

export function createDetector(overrides: DetectorOverrides = {}): Detector {
  const config = resolveConfig(overrides);
  // insertion order is display order: hello's order, then servers first seen in frames
  let servers = new Map<string, { pool: string; weight: number }>();
  let records: FrameRecord[] = [];
  let lastT = -Infinity;
  const tracks = new Map<AlertRule, Map<string, Track>>(RULES.map((r) => [r, new Map()]));
  let open: OpenAlert[] = [];
  const pools = new Set<string>();

  const sustainOf = (rule: AlertRule) =>
    ({
      'share-skew': config.shareSkew,
      latency: config.latency,
      errors: config.errors,
      'server-down': config.serverDown,
    })[rule];

  function ingest(f: Frame): Row[] {
    const samples = new Map(f.samples.map((s) => [s.id, s]));
    for (const s of f.samples) {
      // a sample from a server hello did not list adds it (CONTRACT section 1)
      if (!servers.has(s.id)) servers.set(s.id, { pool: DEFAULT_POOL, weight: s.weight ?? 1 });
    }
    return [...servers].flatMap(([id, info]) => {
      const s = samples.get(id);
      if (!s) return [];
      if (s.weight !== undefined) info.weight = s.weight;
      pools.add(info.pool);
      return [
        {
          id,
          pool: info.pool,
          weight: info.weight,
          up: s.up ?? true,
          requests: s.requests,
          errors: s.errors ?? 0,
          p95: s.latencyMs?.p95 ?? null,
        },
      ];
    });
  }

  function levelsOf(pool: PoolMetrics): PoolLevels {
    const each = (level: (s: PoolMetrics['servers'][number]) => Level) =>
      new Map(pool.servers.map((s) => [s.id, level(s)]));
    return {
      'share-skew': shareSkewLevels(pool, config.shareSkew),
      latency: each((s) => latencyLevel(s, config.latency)),
      errors: each((s) => errorsLevel(s, config.errors)),
      'server-down': each(serverDownLevel),
    };
  }

  function frame(f: Frame): AlertEvent[] {
    // a resumed or repeated frame must not be counted twice
    if (f.t <= lastT) return [];
    lastT = f.t;
    const from = f.t - f.intervalMs;
    records.push({ t: f.t, rows: ingest(f) });
    records = records.filter((r) => r.t > f.t - config.windowMs);
    const metrics = poolWindows(records).map(poolMetrics);
    const levels = new Map(metrics.map((p) => [p.pool, levelsOf(p)]));

    for (const rule of RULES) {
      const mine = tracks.get(rule)!;
      const sustain = sustainOf(rule);
      const seen = new Set<string>();
      for (const [, poolLevels] of levels) {
        for (const [id, level] of poolLevels[rule]) {
          seen.add(id);
          mine.set(id, stepTrack(mine.get(id) ?? QUIET, level, from, f.t, sustain));
        }
      }
      // a server gone from the window has nothing wrong left to report; once quiet it is
      // forgotten, so a fleet whose ids churn does not grow this map for weeks
      for (const [id, track] of mine) {
        if (seen.has(id)) continue;
        const next = stepTrack(track, 'clear', from, f.t, sustain);
        if (next.phase === 'quiet') mine.delete(id);
        else mine.set(id, next);
      }
    }

    const events: AlertEvent[] = [];
    for (const rule of RULES) {
      const mine = tracks.get(rule)!;
      const trackOf = (id: string) => mine.get(id) ?? QUIET;
      const poolNames = new Set([
        ...levels.keys(),
        ...open.filter((a) => a.rule === rule).map((a) => a.pool),
      ]);
      for (const poolName of poolNames) {
        const pool = metrics.find((p) => p.pool === poolName);
        const alerts = open.filter((a) => a.rule === rule && a.pool === poolName);
        const ids = pool?.servers.map((s) => s.id) ?? [];
        const change = groupChange(
          ids,
          trackOf,
          alerts.map((a) => a.servers),
        );
        for (const i of change.resolve) {
          const alert = alerts[i]!;
          open = open.filter((a) => a !== alert);
          const message = resolvedMessage({
            rule,
            who: alert.who,
            pool: poolName,
            showPool: pools.size > 1,
            forMs: f.t - alert.startT,
          });
          events.push(event(f.t, 'resolved', alert, message));
        }
        if (change.fire.length > 0 && pool) {
          // the servers named with the one that fired are firing from now on
          for (const id of change.fire) {
            if (trackOf(id).phase === 'pending') mine.set(id, { phase: 'active', since: f.t });
          }
          const poolLevels = levels.get(poolName)!;
          const cause = causeOf(rule, change.fire, pool, poolLevels, config);
          const message = firingMessage({
            rule,
            named: change.fire,
            cause,
            pool,
            showPool: pools.size > 1,
          });
          const alert: OpenAlert = {
            id: alertId(rule, change.fire),
            rule,
            servers: change.fire,
            cause,
            message,
            startT: f.t,
            pool: poolName,
            who: serversLabel(change.fire, pool),
          };
          open.push(alert);
          events.push(event(f.t, 'firing', alert, message));
        }
      }
    }
    return events;
  }

  return {
    hello(h) {
      const next = new Map<string, { pool: string; weight: number }>();
      for (const s of h.servers) next.set(s.id, { pool: s.pool ?? DEFAULT_POOL, weight: s.weight });
      servers = next;
    },
    frame,
    firing: () =>
      open.map(({ pool: _p, who: _w, servers: ids, ...a }) => ({ ...a, servers: [...ids] })),
  };
}

function event(t: number, state: AlertEvent['state'], a: Alert, message: string): AlertEvent {
  return {
    type: 'alert',
    t,
    state,
    rule: a.rule,
    servers: [...a.servers],
    cause: a.cause,
    message,
  };
}
