/**
 * The detector: frames in, alert transitions out. Pure and synchronous, so the browser, the
 * gateway and `skewboard analyze` run the same code and, fed the same frames, agree to the frame.
 */
import type { Frame, Hello, LatencyKind, Sample } from '../protocol/protocol';
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
import { DEFAULT_POOL, poolWindows, withinWindow, type FrameRecord, type Row } from './window';

export { DEFAULT_POOL };

/** Feeds on hello and frame payloads; says what is wrong. */
export interface Detector {
  /**
   * Takes the server list (pools, weights); keeps everything learnt so far. A server it no
   * longer lists is forgotten once it has no sample in the window, as one never listed is.
   */
  hello(h: Hello): void;
  /** Takes the next frame; returns the alerts it fires and resolves (rule by rule, resolutions first). */
  frame(f: Frame): AlertEvent[];
  /** The alerts firing now. */
  firing(): Alert[];
  /** The servers it keeps: the last hello's, and those sampled in its window. */
  servers(): string[];
}

/** What the detector knows of a server between frames. */
interface Known {
  pool: string;
  weight: number;
  /** listed by the last hello: kept until the next, so a sample finds its pool */
  listed: boolean;
  /** t of its last sample; one the hello did not list goes once this leaves the window */
  sampledT: number;
}

interface OpenAlert extends Alert {
  pool: string;
  /** how the firing message named the servers, for the resolved one */
  who: string;
}

export function createDetector(overrides: DetectorOverrides = {}): Detector {
  const config = resolveConfig(overrides);
  // insertion order is display order: hello's order, then servers first seen in frames
  let servers = new Map<string, Known>();
  let records: FrameRecord[] = [];
  let lastT = -Infinity;
  // how the source knows latency, for the messages' words (its p95 holds a mean when "mean")
  let latency: LatencyKind | undefined;
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
    for (const s of f.samples) {
      // a sample from a server hello did not list adds it (CONTRACT section 1)
      if (!servers.has(s.id)) {
        servers.set(s.id, {
          pool: DEFAULT_POOL,
          weight: s.weight ?? 1,
          listed: false,
          sampledT: f.t,
        });
      }
    }
    // rows in the servers' order, not the frame's; a frame that lists every server in that
    // order (the usual one) needs no look-up
    const byId = listsInOrder(f.samples, servers)
      ? undefined
      : new Map(f.samples.map((s) => [s.id, s]));
    const rows: Row[] = [];
    let i = 0;
    for (const [id, info] of servers) {
      const s = byId ? byId.get(id) : f.samples[i++];
      if (!s) {
        // a fleet whose pods come and go must not grow this map with every pod it ever had
        if (!info.listed && !withinWindow(info.sampledT, f.t, config.windowMs)) servers.delete(id);
        continue;
      }
      info.sampledT = f.t;
      if (s.weight !== undefined) info.weight = s.weight;
      pools.add(info.pool);
      rows.push({
        id,
        pool: info.pool,
        weight: info.weight,
        up: s.up ?? true,
        requests: s.requests,
        errors: s.errors ?? 0,
        p95: s.latencyMs?.p95 ?? null,
      });
    }
    return rows;
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
    records = records.filter((r) => withinWindow(r.t, f.t, config.windowMs));
    const metrics = poolWindows(records).map(poolMetrics);
    const levels = new Map(metrics.map((p) => [p.pool, levelsOf(p)]));

    // a quiet track is not kept (trackOf reads a missing one as quiet): most servers are quiet
    // most of the time, and a fleet whose ids churn does not grow these maps for weeks
    for (const rule of RULES) {
      const mine = tracks.get(rule)!;
      const sustain = sustainOf(rule);
      for (const [, poolLevels] of levels) {
        for (const [id, level] of poolLevels[rule]) {
          const track = mine.get(id);
          // a quiet track stays quiet but for 'fire'
          if (track === undefined && level !== 'fire') continue;
          const next = stepTrack(track ?? QUIET, level, from, f.t, sustain);
          if (next.phase === 'quiet') mine.delete(id);
          else mine.set(id, next);
        }
      }
      // a server gone from the window has nothing wrong left to report
      for (const [id, track] of mine) {
        if (inWindow(levels, rule, id)) continue;
        const next = stepTrack(track, 'clear', from, f.t, sustain);
        if (next.phase === 'quiet') mine.delete(id);
        else mine.set(id, next);
      }
    }

    const events: AlertEvent[] = [];
    for (const rule of RULES) {
      const mine = tracks.get(rule)!;
      // every server quiet and no alert open: nothing to fire or resolve (the usual frame)
      if (mine.size === 0 && !open.some((a) => a.rule === rule)) continue;
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
            ...(latency !== undefined && { latency }),
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
      const next = new Map<string, Known>();
      for (const s of h.servers) {
        const sampledT = servers.get(s.id)?.sampledT ?? -Infinity;
        next.set(s.id, { pool: s.pool ?? DEFAULT_POOL, weight: s.weight, listed: true, sampledT });
      }
      // one it no longer lists is kept as if seen only in frames: until its samples leave
      for (const [id, known] of servers) {
        if (!next.has(id)) next.set(id, { ...known, listed: false });
      }
      servers = next;
      latency = h.latency;
    },
    frame,
    firing: () =>
      open.map(({ pool: _p, who: _w, servers: ids, ...a }) => ({ ...a, servers: [...ids] })),
    servers: () => [...servers.keys()],
  };
}

/** Whether `samples` names every one of `servers`, in its order. */
function listsInOrder(samples: readonly Sample[], servers: ReadonlyMap<string, unknown>): boolean {
  if (samples.length !== servers.size) return false;
  let i = 0;
  for (const id of servers.keys()) if (samples[i++]!.id !== id) return false;
  return true;
}

/** Whether the frame's levels for `rule` judge server `id` (it is in the window). */
function inWindow(levels: Map<string, PoolLevels>, rule: AlertRule, id: string): boolean {
  for (const [, poolLevels] of levels) if (poolLevels[rule].has(id)) return true;
  return false;
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
