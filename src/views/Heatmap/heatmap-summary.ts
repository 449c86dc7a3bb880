/**
 * The heatmap in one sentence, for a screen reader (the canvas says nothing by itself): how
 * many servers, which alert, how they are folded, and the time it spans.
 */
import { formatClock, offsetLabel, zoneOffsetMinutes } from '../../core/format/time-format';

export interface SummaryInput {
  servers: number;
  /** ids named by firing alerts, in row order */
  alerting: readonly string[];
  /** rows of their own and bands, when the fleet is folded */
  folded?: { single: number; bands: number };
  /** the first and last frame on screen; NaN when none */
  fromT: number;
  toT: number;
  tz: string;
}

const count = (n: number, word: string) =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "10 servers; alerting: app-04, app-07; from 09:40 to 11:40 UTC-4" */
export function heatmapSummary(s: SummaryInput): string {
  const parts = [count(s.servers, 'server')];
  parts.push(s.alerting.length > 0 ? `alerting: ${s.alerting.join(', ')}` : 'none alerting');
  if (s.folded)
    parts.push(
      `${count(s.folded.single, 'server')} shown on ${s.folded.single === 1 ? 'its' : 'their'} own, ` +
        `the rest folded into ${count(s.folded.bands, 'band')} by pool`,
    );
  if (!Number.isNaN(s.fromT) && !Number.isNaN(s.toT))
    parts.push(
      `from ${formatClock(s.fromT, s.tz)} to ${formatClock(s.toT, s.tz)} ` +
        offsetLabel(zoneOffsetMinutes(s.toT, s.tz)),
    );
  else parts.push('no data yet');
  return parts.join('; ');
}
