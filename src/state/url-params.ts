/**
 * The page's URL parameters (CONTRACT section 4), read once at start-up.
 */
import { formatDuration, parseDuration } from '../core/series/time-window';

export interface PageParams {
  /** gateway origin; undefined = the page's own */
  gateway?: string;
  replay?: string;
  kiosk: boolean;
  from?: number;
  to?: number;
  t?: number;
  tz?: string;
  token?: string;
  /** `?window=15m`, or Grafana's `?from=now-15m&to=now`: the live time window, in ms */
  window?: number;
}

function msParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

export function readPageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name) || undefined;
  const out: PageParams = { kiosk: params.has('kiosk') && params.get('kiosk') !== 'false' };
  const assign = <K extends keyof PageParams>(key: K, value: PageParams[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  assign('gateway', text('gateway'));
  assign('replay', text('replay'));
  assign('from', msParam(params, 'from'));
  assign('to', msParam(params, 'to'));
  assign('t', msParam(params, 't'));
  assign('window', parseDuration(params.get('window') ?? '') ?? relativeWindow(params));
  // "+05:30" typed into the address bar arrives as " 05:30"
  assign('tz', text('tz')?.replace(/^ (?=\d)/, '+'));
  assign('token', text('token'));
  return out;
}

/** Grafana's relative range, `from=now-1h` up to `to=now` (or no `to`): a live window of 1h. */
function relativeWindow(params: URLSearchParams): number | undefined {
  const from = params.get('from')?.trim() ?? '';
  const to = params.get('to')?.trim() ?? 'now';
  if (to !== 'now' || !from.startsWith('now-')) return undefined;
  return parseDuration(from.slice('now-'.length));
}

/**
 * `search` without the parameter `name`, every other one kept as it was written (a `?kiosk`
 * stays `?kiosk`, a raw `+05:30` stays raw): for taking the token out of the address bar.
 */
export function withoutParam(search: string, name: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const kept = query.split('&').filter((part) => part !== '' && paramName(part) !== name);
  return kept.length === 0 ? '' : `?${kept.join('&')}`;
}

/**
 * `search` with `name=value` (value already fit for a URL: a duration, a number), in the place
 * of its first occurrence or else at the end; every other parameter kept as it was written.
 */
export function withParam(search: string, name: string, value: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const set = `${encodeURIComponent(name)}=${value}`;
  const kept: string[] = [];
  let placed = false;
  for (const part of query.split('&')) {
    if (part === '') continue;
    if (paramName(part) !== name) kept.push(part);
    else if (!placed) {
      kept.push(set);
      placed = true;
    }
  }
  if (!placed) kept.push(set);
  return `?${kept.join('&')}`;
}

/** The search part of the address after choosing `windowMs`: ?window set, a ?from&to range gone. */
export function searchWithWindow(search: string, windowMs: number): string {
  const kept = withoutParam(withoutParam(search, 'from'), 'to');
  return withParam(kept, 'window', formatDuration(windowMs));
}

function paramName(part: string): string {
  const raw = part.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
