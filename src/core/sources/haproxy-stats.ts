/**
 * HAProxy's stats CSV (management guide, section 9.1 "CSV format"): parsed by column name, since
 * only the columns before the "-" one keep their places from version to version, and two
 * snapshots taken apart turned into one frame of the wire protocol.
 */
import type { Latency, LatencyKind, Sample, ServerInfo } from '../protocol/protocol';

/** A stats CSV that cannot be read, with the line (1-based) and column at fault. */
export class StatsCsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: string | null,
    readonly problem: string,
  ) {
    super(`line ${line}${column === null ? '' : `, column ${column}`}: ${problem}`);
    this.name = 'StatsCsvError';
  }
}

/** The `type` column: 0 frontend, 1 backend, 2 server, 3 listener. */
export type StatsRowType = 'frontend' | 'backend' | 'server' | 'listener';

/** One line of the CSV, with the figures Skewboard reads; null where HAProxy left a field empty. */
export interface StatsRow {
  /** line in the CSV text, for messages */
  line: number;
  /** proxy name: the backend, for a server */
  pxname: string;
  svname: string;
  type: StatsRowType;
  /** "UP", "UP 1/3", "DOWN", "no check", "MAINT", "DRAIN", "NOLB", "OPEN"... */
  status: string;
  /** effective weight (servers, backends) */
  weight: number | null;
  /** a backup server, only used when no active one is up */
  backup: boolean;
  /** cumulative sessions; in HTTP mode one per request */
  stot: number | null;
  hrsp5xx: number | null;
  eresp: number | null;
  /** queue, connect, response and total times, each a mean over the last 1024 requests (ms) */
  qtime: number | null;
  ctime: number | null;
  rtime: number | null;
  ttime: number | null;
  /** "http" or "tcp" */
  mode: string | null;
}

const TYPES: Record<string, StatsRowType> = {
  '0': 'frontend',
  '1': 'backend',
  '2': 'server',
  '3': 'listener',
};

/** Parses the whole CSV; throws StatsCsvError naming the line and column at fault. */
export function parseStatsCsv(text: string): StatsRow[] {
  const [header, ...records] = csvRecords(text);
  if (!header || !header.fields[0]?.startsWith('# ')) {
    throw new StatsCsvError(
      header?.line ?? 1,
      null,
      'not a HAProxy stats CSV: the first line should be its header "# pxname,svname,..."',
    );
  }
  const names = header.fields.map((f, i) => (i === 0 ? f.slice(2) : f).trim());
  const index = new Map(names.map((name, i) => [name, i] as const).filter(([name]) => name));
  for (const name of ['pxname', 'svname', 'status', 'stot', 'weight']) {
    if (!index.has(name)) {
      throw new StatsCsvError(header.line, name, 'missing from the header: not a stats CSV?');
    }
  }
  const seen = new Map<string, number>();
  return records.map(({ line, fields }) => {
    const text = (column: string) => {
      const i = index.get(column);
      return i === undefined ? '' : (fields[i] ?? '');
    };
    const num = (column: string) => {
      const raw = text(column);
      if (raw === '') return null;
      if (!/^\d+$/.test(raw)) {
        throw new StatsCsvError(
          line,
          column,
          `expected a whole number, got ${JSON.stringify(raw)}`,
        );
      }
      return Number(raw);
    };
    const pxname = text('pxname');
    const svname = text('svname');
    if (pxname === '') throw new StatsCsvError(line, 'pxname', 'is empty');
    if (svname === '') throw new StatsCsvError(line, 'svname', 'is empty');
    const rawType = text('type');
    const type = rawType === '' ? typeFromName(svname) : TYPES[rawType];
    if (!type) {
      throw new StatsCsvError(
        line,
        'type',
        `expected 0, 1, 2 or 3, got ${JSON.stringify(rawType)}`,
      );
    }
    const row: StatsRow = {
      line,
      pxname,
      svname,
      type,
      status: text('status'),
      weight: num('weight'),
      backup: num('bck') === 1,
      stot: num('stot'),
      hrsp5xx: num('hrsp_5xx'),
      eresp: num('eresp'),
      qtime: num('qtime'),
      ctime: num('ctime'),
      rtime: num('rtime'),
      ttime: num('ttime'),
      mode: text('mode') || null,
    };
    if (type === 'server') {
      // the figures a frame cannot do without
      if (row.stot === null) throw new StatsCsvError(line, 'stot', 'is empty for a server');
      if (row.weight === null) throw new StatsCsvError(line, 'weight', 'is empty for a server');
      if (row.status === '') throw new StatsCsvError(line, 'status', 'is empty for a server');
      const id = serverId(row);
      const first = seen.get(id);
      if (first !== undefined) {
        throw new StatsCsvError(line, 'svname', `repeats ${id} (first on line ${first})`);
      }
      seen.set(id, line);
    }
    return row;
  });
}

const typeFromName = (svname: string): StatsRowType =>
  svname === 'FRONTEND' ? 'frontend' : svname === 'BACKEND' ? 'backend' : 'server';

/** CSV records with the line each starts on: quotes optional, "" for a quote, blank lines skipped. */
function csvRecords(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      endRecord();
      start = ++line;
    } else if (c !== '\r') field += c;
  }
  if (quoted) throw new StatsCsvError(quoteLine, null, 'a quoted field is never closed');
  endRecord();
  return out;
}

/** The stats CSV as read at one moment (ms since the epoch). */
export interface StatsSnapshot {
  t: number;
  rows: readonly StatsRow[];
}

/** A frame before the gateway numbers it: the interval (t - intervalMs, t]. */
export interface StatsFrame {
  t: number;
  intervalMs: number;
  samples: Sample[];
}

/** "app/web1": server names repeat across backends, and an id must not change when one is added. */
export const serverId = (row: Pick<StatsRow, 'pxname' | 'svname'>) => `${row.pxname}/${row.svname}`;

// UP and UP 1/3 (going down) take traffic; DOWN 1/2 (coming up) does not yet
const isUp = (status: string) => /^(UP|NOLB|DRAIN)\b/.test(status) || status === 'no check';

/**
 * The weight the balancer shares new requests by: a draining (DRAIN, NOLB) server keeps its
 * weight in the CSV but gets only sticky traffic, and a backup gets nothing while an active
 * server of its backend is up.
 */
function sharingWeight(row: StatsRow, rows: readonly StatsRow[]): number {
  if (/^(NOLB|DRAIN)\b/.test(row.status)) return 0;
  const activeUp = (r: StatsRow) =>
    r.type === 'server' && r.pxname === row.pxname && !r.backup && isUp(r.status);
  if (row.backup && rows.some(activeUp)) return 0;
  return row.weight ?? 1;
}

const servers = (rows: readonly StatsRow[]) => rows.filter((r) => r.type === 'server');

/** The servers as `hello` lists them: pool = the backend, label = the server's own name. */
export function statsServers(rows: readonly StatsRow[]): ServerInfo[] {
  return servers(rows).map((r) => ({
    id: serverId(r),
    label: r.svname,
    pool: r.pxname,
    weight: sharingWeight(r, rows),
  }));
}

/**
 * One frame from two snapshots of the same HAProxy. Requests are the growth of `stot`, not
 * `lbtot`: lbtot counts only the balancer's own picks, so requests pinned by a cookie or a
 * stick table (a persistence misconfiguration is a skew we want to see) would be missing,
 * while a server's stot counts every request it took, however it was chosen. The guide calls
 * stot "sessions", but in HTTP mode each request is its own stream: on HAProxy 2.6, five
 * keep-alive requests on one connection add five.
 */
export function statsFrame(before: StatsSnapshot, after: StatsSnapshot): StatsFrame {
  const intervalMs = after.t - before.t;
  if (!(intervalMs > 0))
    throw new RangeError(`snapshots ${before.t} and ${after.t} are not in order`);
  const earlier = new Map(servers(before.rows).map((r) => [serverId(r), r]));
  const samples = servers(after.rows).map((row): Sample => {
    const old = earlier.get(serverId(row));
    const requests = growth(old?.stot, row.stot);
    // a 502/504 that HAProxy makes up for a dead or timed-out server is counted in the server's
    // eresp, not its hrsp_5xx; a 5xx followed by an abort counts in both, hence the cap
    const errors = Math.min(
      requests,
      growth(old?.hrsp5xx, row.hrsp5xx) + growth(old?.eresp, row.eresp),
    );
    return {
      id: serverId(row),
      requests,
      errors,
      latencyMs: requests === 0 ? null : latencyOf(row),
      up: isUp(row.status),
      weight: sharingWeight(row, after.rows),
    };
  });
  return { t: after.t, intervalMs, samples };
}

/** How far a counter grew; one that went backwards was reset (a reload) and counts from zero. */
function growth(before: number | null | undefined, after: number | null): number {
  if (after === null) return 0;
  if (before === null || before === undefined || after < before) return after;
  return after - before;
}

/** What a stats CSV knows of latency: only a mean (see latencyOf), as `hello.latency` says. */
export const STATS_LATENCY: LatencyKind = 'mean';

/**
 * HAProxy keeps no percentiles, only means over its last 1024 requests, so p50 = p95 = p99 =
 * that mean: a fair comparison between servers, but it understates a tail and, at low rates,
 * reaches back before the interval. In HTTP the wait before the response starts (queue +
 * connect + response: a queue at a full server is latency too); in TCP, where rtime is 0,
 * the whole session.
 */
function latencyOf(row: StatsRow): Latency | null {
  const ms =
    row.mode !== 'tcp' && row.rtime !== null
      ? (row.qtime ?? 0) + (row.ctime ?? 0) + row.rtime
      : row.ttime;
  return ms === null ? null : { p50: ms, p95: ms, p99: ms };
}
