/**
 * The postmortem draft (CONTRACT section 3, `skewboard postmortem`): markdown laid out as the
 * seed postmortem is (summary, timeline, root cause), written from what the recording holds.
 * The impact is measured from the frames while each alert fired; the timeline holds every
 * alert transition and every note in time order, in the incident's zone with its offset, so
 * `skewboard annotations import` reads it back to the same events at the same minutes.
 */
import { duration } from '../detector/message';
import type { Annotation } from '../protocol/protocol';
import {
  fixedOffsetMinutes,
  formatClock,
  formatLatency,
  offsetLabel,
  zoneOffsetMinutes,
} from '../format/time-format';
import type { AlertEpisode, Impact, IncidentFacts } from './incident-facts';

export interface DraftOptions {
  /** the zone times are written in (default: the recording's hello.tz, else UTC) */
  tz?: string;
  title?: string;
  /** the recording's name, said under the title */
  source?: string;
  /** an image of the incident saved beside the draft (its file name), shown under the title */
  image?: string;
}

const CAUSE_WORDS: Record<string, string> = {
  'load-balancer': 'the load balancer (the traffic is uneven, not the servers slow)',
  backend: 'the servers named (slow or failing with their fair share of the traffic)',
  unknown: 'not clear from the traffic alone',
};

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
const meanP95 = (weighted: number, requests: number) =>
  requests > 0 ? formatLatency(weighted / requests) : 'n/a';

function localDate(t: number, tz: string): string {
  const local = new Date(t + zoneOffsetMinutes(t, tz) * 60_000);
  return local.toISOString().slice(0, 10);
}

/** "UTC", "UTC-4" for a fixed offset, "America/New_York (UTC-4)" for a named zone */
function zoneSaid(tz: string, t: number): string {
  const fixed = fixedOffsetMinutes(tz);
  if (tz === 'UTC' || fixed === 0) return 'UTC';
  if (fixed !== undefined) return offsetLabel(fixed);
  return Number.isFinite(t) ? `${tz} (${offsetLabel(zoneOffsetMinutes(t, tz))})` : tz;
}

/** "09:55 UTC-4" */
const clockIn = (t: number, tz: string) =>
  `${formatClock(t, tz)} ${offsetLabel(zoneOffsetMinutes(t, tz))}`;

function serversOf(episodes: readonly AlertEpisode[]): string[] {
  return [...new Set(episodes.flatMap((e) => e.firing.servers))].sort();
}

function impactLine(impact: Impact, servers: readonly string[]): string {
  const all = impact.namedRequests + impact.otherRequests;
  const share = all > 0 ? impact.namedRequests / all : NaN;
  const weightAll = impact.namedWeight + impact.otherWeight;
  const fair = weightAll > 0 ? impact.namedWeight / weightAll : NaN;
  const errors = impact.namedRequests > 0 ? impact.namedErrors / impact.namedRequests : NaN;
  const otherErrors = impact.otherRequests > 0 ? impact.otherErrors / impact.otherRequests : NaN;
  return (
    `${servers.join(', ')} served ${pct(share)} of their pool's ${all.toLocaleString('en-US')} ` +
    `requests (their weighted share: ${pct(fair)}); error rate ${pct(errors)} against ` +
    `${pct(otherErrors)} for the rest of the pool; p95 ${meanP95(impact.namedP95Weighted, impact.namedRequests)} ` +
    `against ${meanP95(impact.otherP95Weighted, impact.otherRequests)} (request-weighted means)`
  );
}

/** The notes people wrote (or imported), not the markers the detector leaves. */
const humanNotes = (notes: readonly Annotation[]) => notes.filter((n) => n.kind !== 'alert');

export function writePostmortemDraft(facts: IncidentFacts, opts: DraftOptions = {}): string {
  const tz = opts.tz ?? facts.hello?.tz ?? 'UTC';
  const { episodes } = facts;
  const notes = humanNotes(facts.notes);
  // when it started: the first alert, else the first frame, else the first note
  const startT =
    episodes[0]?.firing.t ?? (Number.isFinite(facts.firstT) ? facts.firstT : (notes[0]?.t ?? NaN));
  const date = Number.isFinite(startT) ? localDate(startT, tz) : 'an unknown date';
  const servers = serversOf(episodes);
  const first = episodes[0];
  const title =
    opts.title ??
    (first
      ? `${first.firing.rule} on ${servers.join(', ')}, ${date}`
      : `No alert in the recording, ${date}`);
  const out: string[] = [`# ${title}`, ''];
  if (opts.image !== undefined)
    out.push(`![The incident as Skewboard showed it](${opts.image})`, '');
  out.push(
    `Drafted by Skewboard from ${opts.source ?? 'a recording'}: ${facts.frames} frames` +
      (facts.frames > 0
        ? ` from ${clockIn(facts.firstT, tz)} to ${clockIn(facts.lastT, tz)} on ${date}.`
        : '.'),
    `All times are in ${zoneSaid(tz, startT)}.`,
    '',
    '## Issue Summary',
  );
  if (!first) {
    out.push(
      '- Nothing fired: the detector found no skew, no slow or failing server and no server down in this recording.',
    );
  } else {
    const ends = episodes.map((e) => e.resolved?.t ?? NaN);
    const stillFiring = ends.some((t) => Number.isNaN(t));
    const endT = stillFiring ? facts.lastT : Math.max(...ends);
    out.push(
      `- **Duration:** from ${clockIn(startT, tz)} to ${clockIn(endT, tz)} on ${date} ` +
        `(${duration(endT - startT)})${stillFiring ? ', still firing when the recording ends' : ''}, as the detector saw it.`,
      `- **Detected:** ${first.firing.message}`,
      `- **Servers:** ${servers.join(', ')}.`,
      `- **Cause:** ${CAUSE_WORDS[first.firing.cause] ?? first.firing.cause}.`,
      `- **Impact (measured while ${first.firing.rule} fired):** ${impactLine(first.impact, first.firing.servers)}.`,
    );
    const firstNote = notes.find((n) => n.t >= startT);
    out.push(
      firstNote
        ? `- **First note:** "${firstNote.title}" at ${clockIn(firstNote.t, tz)}, ${duration(firstNote.t - startT)} after the first alert.`
        : '- **First note:** none was written while it fired.',
    );
    const identified = notes.find((n) => n.kind === 'identified');
    if (identified && identified.t > startT) {
      out.push(
        `- **Seen earlier:** the detector named the cause at ${clockIn(startT, tz)}, ` +
          `${duration(identified.t - startT)} before the root cause note at ${clockIn(identified.t, tz)}.`,
      );
    }
  }

  out.push('', '## Timeline');
  const oneDay =
    new Set(
      [
        ...episodes.flatMap((e) => [e.firing.t, ...(e.resolved ? [e.resolved.t] : [])]),
        ...notes.map((n) => n.t),
      ].map((t) => localDate(t, tz)),
    ).size <= 1;
  const stamp = (t: number) =>
    oneDay ? formatClock(t, tz) : `${localDate(t, tz)} ${formatClock(t, tz)}`;
  const entries: { t: number; text: string }[] = [
    ...episodes.flatMap((e) => [
      { t: e.firing.t, text: `${e.firing.rule} fired: ${e.firing.message}` },
      ...(e.resolved
        ? [{ t: e.resolved.t, text: `${e.resolved.rule} resolved: ${e.resolved.message}` }]
        : []),
    ]),
    ...notes.map((n) => ({ t: n.t, text: n.text ? `${n.title}. ${n.text}` : n.title })),
  ].sort((a, b) => a.t - b.t);
  if (entries.length === 0) out.push('- Nothing happened that the recording holds.');
  for (const e of entries) out.push(`- **${stamp(e.t)}:** ${e.text.replace(/\s+/g, ' ')}`);

  if (episodes.length > 0) {
    out.push('', '## Figures behind each alert');
    for (const e of episodes) {
      const to = e.resolved ? formatClock(e.resolved.t, tz) : 'the end';
      out.push(
        '',
        `### ${e.firing.rule}: ${e.firing.servers.join(', ')} (${formatClock(e.firing.t, tz)} to ${to})`,
        '',
        `- ${e.firing.message}`,
        `- Over ${e.impact.frames} frames: ${impactLine(e.impact, e.firing.servers)}.`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
