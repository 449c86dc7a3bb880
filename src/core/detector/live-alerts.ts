/**
 * The detector as a gateway runs it: hello and frames in, the `alert` payloads of CONTRACT
 * section 1 out (one per transition), and the alerts firing now as the payloads a client gets
 * after `hello`. Pure, like the detector: the gateway does the sending.
 */
import { crc32 } from '../recording/crc32';
import {
  ALERT_LIMITS,
  PROTOCOL_VERSION,
  type AlertPayload,
  type Frame,
  type Hello,
} from '../protocol/protocol';
import { alertId, type Alert, type AlertEvent } from './alert';
import type { DetectorOverrides } from './config';
import { createDetector } from './detector';

/** The gateway's detector. */
export interface LiveAlerts {
  hello(h: Hello): void;
  /** the transitions this frame makes, as payloads */
  frame(f: Frame): AlertPayload[];
  /** the alerts firing now, each as the payload that said it fired */
  firing(): AlertPayload[];
  /**
   * Takes the payloads another gateway sent for the alerts firing here now (same rule and
   * servers), so their resolution carries the ids it announced: a takeover pages nobody twice.
   */
  adopt?(firing: readonly AlertPayload[]): void;
}

export function createLiveAlerts(overrides: DetectorOverrides = {}): LiveAlerts {
  const detector = createDetector(overrides);
  // by the detector's key (rule and servers): the payload that fired it
  const open = new Map<string, AlertPayload>();
  return {
    hello: (h) => detector.hello(h),
    frame(f) {
      return detector.frame(f).map((e) => {
        const key = alertId(e.rule, e.servers);
        const since = e.state === 'firing' ? e.t : (open.get(key)?.since ?? e.t);
        const payload = alertPayload(e, since);
        if (e.state === 'firing') open.set(key, payload);
        else open.delete(key);
        return payload;
      });
    },
    firing: () => [...open.values()],
    adopt(firing) {
      for (const payload of firing) {
        const key = alertId(payload.rule, payload.servers);
        if (open.has(key)) open.set(key, payload);
      }
    },
  };
}

/**
 * A transition as the wire carries it. The id names the episode (rule, servers, when it
 * fired), so its resolution carries the same id and a later episode of the same servers
 * another one; servers and message are cut to the protocol's bounds.
 */
export function alertPayload(e: AlertEvent, since: number): AlertPayload {
  return {
    v: PROTOCOL_VERSION,
    id: episodeId(e, since),
    state: e.state,
    t: e.t,
    since,
    rule: e.rule,
    servers: e.servers.slice(0, ALERT_LIMITS.servers).map((id) => cut(id, ALERT_LIMITS.server)),
    cause: e.cause,
    message: cut(e.message, ALERT_LIMITS.message),
  };
}

function episodeId(e: AlertEvent, since: number): string {
  const full = `${alertId(e.rule, e.servers)}:${since}`;
  if (full.length <= ALERT_LIMITS.id) return full;
  // a long list of servers: its start to read, a checksum of the whole to keep ids apart
  const sum = crc32(new TextEncoder().encode(full)).toString(16).padStart(8, '0');
  const tail = `…#${sum}:${since}`;
  return full.slice(0, ALERT_LIMITS.id - tail.length) + tail;
}

const cut = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** A payload read back as the alert the page shows (its id the episode's). */
export const alertOf = (p: AlertPayload): Alert => ({
  id: p.id,
  rule: p.rule,
  servers: p.servers,
  cause: p.cause,
  message: p.message,
  startT: p.since,
});

/** A payload read back as the transition `analyze` would print. */
export const alertEventOf = (p: AlertPayload): AlertEvent => ({
  type: 'alert',
  t: p.t,
  state: p.state,
  rule: p.rule,
  servers: p.servers,
  cause: p.cause,
  message: p.message,
});
