/**
 * What a postmortem draft is written from, gathered in one pass over a recording as it is
 * read (memory flat however long it is): the alert transitions the detector made, the notes,
 * and for each alert while it fired the requests, errors and latency of the servers it named
 * against the rest of their pool. Measured from the frames, never estimated.
 */
import { alertId, type AlertEvent } from '../detector/alert';
import { DEFAULT_POOL } from '../detector/window';
import type { Annotation, Frame, Hello } from '../protocol/protocol';

/** Sums over the frames an alert fired in: its servers, and the rest of their pools. */
export interface Impact {
  frames: number;
  namedRequests: number;
  namedErrors: number;
  /** p95 x requests, summed: over the requests, the mean p95 their server had then */
  namedP95Weighted: number;
  namedWeight: number;
  otherRequests: number;
  otherErrors: number;
  otherP95Weighted: number;
  otherWeight: number;
}

/** One alert from firing to resolving (or to the recording's end), with its impact. */
export interface AlertEpisode {
  firing: AlertEvent;
  resolved?: AlertEvent;
  impact: Impact;
}

export interface IncidentFacts {
  hello?: Hello;
  /** the first and last frame's t; NaN when there was none */
  firstT: number;
  lastT: number;
  frames: number;
  episodes: AlertEpisode[];
  /** the notes as the recording left them (removed ones gone), in time order */
  notes: Annotation[];
}

export interface IncidentFactsBuilder {
  hello(hello: Hello): void;
  /** a frame and the transitions the detector made on it */
  frame(frame: Frame, events: readonly AlertEvent[]): void;
  annotation(note: Annotation): void;
  removeAnnotation(id: string): void;
  facts(): IncidentFacts;
}

const emptyImpact = (): Impact => ({
  frames: 0,
  namedRequests: 0,
  namedErrors: 0,
  namedP95Weighted: 0,
  namedWeight: 0,
  otherRequests: 0,
  otherErrors: 0,
  otherP95Weighted: 0,
  otherWeight: 0,
});

export function incidentFacts(): IncidentFactsBuilder {
  let hello: Hello | undefined;
  const poolOf = new Map<string, string>();
  const weightOf = new Map<string, number>();
  let firstT = NaN;
  let lastT = NaN;
  let frames = 0;
  const episodes: AlertEpisode[] = [];
  const open = new Map<string, AlertEpisode>();
  const notes = new Map<string, Annotation>();
  const key = (e: AlertEvent) => alertId(e.rule, e.servers);

  const measure = (episode: AlertEpisode, frame: Frame) => {
    const named = new Set(episode.firing.servers);
    const pools = new Set(episode.firing.servers.map((id) => poolOf.get(id) ?? DEFAULT_POOL));
    const impact = episode.impact;
    impact.frames++;
    for (const s of frame.samples) {
      if (!pools.has(poolOf.get(s.id) ?? DEFAULT_POOL)) continue;
      const p95 = s.latencyMs?.p95;
      const weight = s.weight ?? weightOf.get(s.id) ?? 0;
      if (named.has(s.id)) {
        impact.namedRequests += s.requests;
        impact.namedErrors += s.errors ?? 0;
        if (p95 !== undefined) impact.namedP95Weighted += p95 * s.requests;
        impact.namedWeight += weight;
      } else {
        impact.otherRequests += s.requests;
        impact.otherErrors += s.errors ?? 0;
        if (p95 !== undefined) impact.otherP95Weighted += p95 * s.requests;
        impact.otherWeight += weight;
      }
    }
  };

  return {
    hello(h) {
      hello ??= h;
      for (const s of h.servers) {
        poolOf.set(s.id, s.pool ?? DEFAULT_POOL);
        weightOf.set(s.id, s.weight);
      }
    },
    frame(frame, events) {
      if (frames === 0) firstT = frame.t;
      lastT = frame.t;
      frames++;
      for (const e of events) {
        const episode = open.get(key(e));
        if (e.state === 'resolved') {
          if (episode) episode.resolved = e;
          open.delete(key(e));
        } else if (!episode) {
          const started = { firing: e, impact: emptyImpact() };
          episodes.push(started);
          open.set(key(e), started);
        }
      }
      for (const episode of open.values()) measure(episode, frame);
    },
    annotation(note) {
      notes.set(note.id, note);
    },
    removeAnnotation(id) {
      notes.delete(id);
    },
    facts: () => ({
      ...(hello && { hello }),
      firstT,
      lastT,
      frames,
      episodes: [...episodes],
      notes: [...notes.values()].sort((a, b) => a.t - b.t),
    }),
  };
}
