/**
 * Sizes and durations as people type them on a command line: "64MiB", "500KB", "1h", "90s".
 * Every size and every duration flag of every command reads through these two.
 */

// longer than any number a person types: the patterns never see a hostile megabyte
const MAX_CHARS = 32;

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
};

const TIME_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** "64MiB" -> 67108864; a plain number is bytes; null for anything else. */
export function parseByteSize(text: string): number | null {
  if (text.length > MAX_CHARS) return null;
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? BYTE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return null;
  return Math.round(Number(m[1]) * unit);
}

/**
 * "1h" -> 3600000, also ms, s, m and d; "0" is 0 (no limit, where a flag has one); null for
 * anything else, including a number without unit, which could mean seconds or milliseconds.
 */
export function parseDurationMs(text: string): number | null {
  if (text.length > MAX_CHARS) return null;
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(trimmed);
  if (!m) return null;
  return Math.round(Number(m[1]) * TIME_UNITS[m[2]!]!);
}
