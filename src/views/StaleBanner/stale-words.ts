/**
 * What the stale banner says: since when no data has come and how old what is on screen is,
 * in words a person across the room can read. Pure, so every case is a row in a table.
 */
import type { ConnectionState } from '../../state/connection-slice';
import { formatClock, formatDateTime } from '../../core/format/time-format';

/** how long the feed must be quiet before the banner shows: a reconnect blip is no news */
export const STALE_BANNER_AFTER_MS = 5000;

export interface StaleFacts {
  connection: ConnectionState;
  /** wall-clock ms since which no data has come; undefined while live */
  quietSince: number | undefined;
  /** t of the newest frame held (NaN: none) */
  newestT: number;
  /** wall clock now, ms */
  now: number;
  tz: string;
}

export interface StaleWords {
  headline: string;
  detail: string;
}

const WHY: Partial<Record<ConnectionState, string>> = {
  stale: 'the gateway sends no frames',
  reconnecting: 'the gateway cannot be reached; reconnecting',
  offline: 'the gateway cannot be reached; still trying',
};

/** The banner's words, or undefined when there is no banner to show. */
export function staleWords(f: StaleFacts): StaleWords | undefined {
  const why = WHY[f.connection];
  // with nothing on screen there is no old data to warn about: the badge says connecting
  if (why === undefined || f.quietSince === undefined || Number.isNaN(f.newestT)) return undefined;
  const quietFor = f.now - f.quietSince;
  if (quietFor < STALE_BANNER_AFTER_MS) return undefined;
  const sameDay = quietFor < 20 * 3600_000;
  const since = sameDay
    ? formatClock(f.quietSince, f.tz, true)
    : formatDateTime(f.quietSince, f.tz);
  return {
    headline: `Stale: no new data since ${since} (${durationWords(quietFor)} ago)`,
    detail: `${why}. The heatmap and bars show the last data received, up to ${formatDateTime(f.newestT, f.tz)}.`,
  };
}

/** "40 s", "12 min", "5 h 12 min", "3 days 4 h": coarser as it grows. */
export function durationWords(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const days = Math.floor(h / 24);
  return h % 24 === 0 ? `${days} days` : `${days} days ${h % 24} h`;
}
