/**
 * The detector: frames in, alert transitions out. Pure and synchronous, so the browser, the
 * gateway and `skewboard analyze` run the same code and, fed the same frames, agree to the frame.
 */
import type { Frame, Hello, LatencyKind } from '../protocol/protocol';
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
import { SeriesStore } from '../series/series-store';
import { DEFAULT_POOL, poolWindows, windowSpan, withinWindow, type WindowMember } from './window';

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
  /**
   * Judges the frame at `at.t` that a caller keeping its own store (the one the views read)
   * has just pushed into `store`, as frame() judges one it keeps itself. The store must hold
   * the detector's window up to that frame, and the hellos before it.
   */
  judge(store: SeriesStore, at: FrameTime): AlertEvent[];
  /** The alerts firing now. */
  firing(): Alert[];
  /** The servers it keeps: the last hello's, and those sampled in its window. */
  servers(): string[];
}

/** Which frame to judge: its end and its interval. */
export interface FrameTime {
  t: number;
  intervalMs: number;
}

/** frames a detector's own store starts with room for; it doubles while its window needs more */
const OWN_CAPACITY = 64;

/** What the detector knows of a server between frames (its figures are in the store). */
interface Known {
  pool: string;
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
  // frame() keeps its frames here; judge() reads the caller's store instead
  let own = new SeriesStore({ capacity: OWN_CAPACITY, maxAgeMs: config.windowMs });
  let ownSeq = 0;
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

  /** Marks the servers sampled at `t` (in the frame's order), adding those new to it. */
  function learn(ids: Iterable<string>, t: number): void {
    for (const id of ids) {
      let info = servers.get(id);
      // a sample from a server hello did not list adds it (CONTRACT section 1)
      if (!info) servers.set(id, (info = { pool: DEFAULT_POOL, listed: false, sampledT: t }));
      info.sampledT = t;
      pools.add(info.pool);
    }
    for (const [id, info] of servers) {
      // a fleet whose pods come and go must not grow this map with every pod it ever had
      if (info.sampledT !== t && !info.listed && !withinWindow(info.sampledT, t, config.windowMs))
        servers.delete(id);
    }
  }

  /** The servers in display order with their columns in `store`, for the window. */
  function members(store: SeriesStore): WindowMember[] {
    const out: WindowMember[] = [];
    for (const [id, info] of servers) {
      const series = store.server(id);
      if (series) out.push({ series, pool: info.pool });
    }
    return out;
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
    if (own.length === own.capacity && withinWindow(own.oldestT, f.t, config.windowMs)) {
      own = own.resized(own.capacity * 2);
    }
    // numbered here: the detector goes by t, and a source's seq may start over
    own.push({ ...f, seq: ownSeq++ });
    learn(
      f.samples.map((s) => s.id),
      f.t,
    );
    return judgeHeld(own, f);
  }

  function judge(store: SeriesStore, at: FrameTime): AlertEvent[] {
    if (at.t <= lastT) return [];
    const end = store.countAtOrBefore(at.t);
    const slot = end > 0 ? store.slot(end - 1) : -1;
    if (slot < 0 || store.times[slot] !== at.t) return [];
    learn(sampledAt(store, slot), at.t);
    return judgeHeld(store, at);
  }

  /** The transitions of the frame at `f.t`, which `store` holds and learn() has taken. */
  function judgeHeld(store: SeriesStore, f: FrameTime): AlertEvent[] {
    lastT = f.t;
    const from = f.t - f.intervalMs;
    const span = windowSpan(store, config.windowMs, f.t);
    const metrics = poolWindows(store, members(store), span).map(poolMetrics);
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
        next.set(s.id, { pool: s.pool ?? DEFAULT_POOL, listed: true, sampledT });
      }
      // one it no longer lists is kept as if seen only in frames: until its samples leave
      for (const [id, known] of servers) {
        if (!next.has(id)) next.set(id, { ...known, listed: false });
      }
      servers = next;
      latency = h.latency;
      own.setServers(h.servers);
    },
    frame,
    judge,
    firing: () =>
      open.map(({ pool: _p, who: _w, servers: ids, ...a }) => ({ ...a, servers: [...ids] })),
    servers: () => [...servers.keys()],
  };
}

/** The ids of the servers `store` holds a sample of in `slot`, in its order. */
function sampledAt(store: SeriesStore, slot: number): string[] {
  const ids: string[] = [];
  for (const s of store.servers) if (!Number.isNaN(s.requests[slot]!)) ids.push(s.id);
  return ids;
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
