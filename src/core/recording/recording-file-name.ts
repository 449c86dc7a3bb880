/**
 * Names of the files in the recording folder: `skewboard-<UTC start, ISO 8601 basic>.ndjson`,
 * e.g. `skewboard-20240515T133000.123Z.ndjson`, so that sorting the names sorts by time.
 */

const PATTERN = /^skewboard-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z\.ndjson$/;

/** The name of a recording started at `t` (ms since the epoch). */
export function recordingFileName(t: number): string {
  const iso = new Date(t).toISOString(); // 2024-05-15T13:30:00.123Z
  return `skewboard-${iso.replace(/[-:]/g, '')}.ndjson`;
}

/** When the recording named `name` was started, or undefined for a name that is not ours. */
export function recordingFileTime(name: string): number | undefined {
  const m = PATTERN.exec(name);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, ms] = m.slice(1).map(Number) as number[];
  const t = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, ms!);
  // reject impossible dates such as month 13, which Date.UTC would roll over
  return recordingFileName(t) === name ? t : undefined;
}
