import { describe, expect, it } from 'vitest';
import { recordScenario } from '../../../mocks/record-scenario';
import { sampleRecording } from '../../../mocks/sample-recording';
import { getScenario } from '../../../mocks/scenarios';
import { detectAlerts } from '../detector';
import { parseRecording, recordingLine, type RecordedPayload } from '../recording/recording';
import { formatClock } from '../format/time-format';
import { parsePostmortemTimeline } from '../timeline/parse-timeline';
import { writePostmortemDraft } from './draft';
import { draftFromRecording, factsOfReview } from './draft-from-recording';

const SEED_NAME = '2024-05-15-lb-misconfig.ndjson.gz';
/** the scenarios' own zone and the seed's: UTC-4 in May */
const NEW_YORK = 'America/New_York';

/** The draft's `## Timeline` entries: "HH:MM" and the text after it. */
function timelineOf(draft: string): { clock: string; text: string }[] {
  const section = draft.split('\n## Timeline\n')[1]!.split('\n## ')[0]!;
  return [...section.matchAll(/^- \*\*([\d-]* ?\d\d:\d\d):\*\* (.*)$/gm)].map((m) => ({
    clock: m[1]!,
    text: m[2]!,
  }));
}

/** A section of the summary by its bold label. */
const summaryLine = (draft: string, label: string) =>
  draft.split('\n').find((l) => l.startsWith(`- **${label}`)) ?? '';

describe('the postmortem draft of the seed incident', () => {
  const draft = draftFromRecording(sampleRecording(), { source: SEED_NAME });

  it('names app-04 and app-07, the load balancer, the alert at 09:55 and the fix at 12:00', () => {
    expect(draft).toMatch(/^# share-skew on app-04, app-07, 2024-05-15\n/);
    expect(summaryLine(draft, 'Servers')).toBe('- **Servers:** app-04, app-07.');
    expect(summaryLine(draft, 'Cause')).toMatch(/the load balancer/);
    expect(summaryLine(draft, 'Duration')).toMatch(
      /from 09:55 UTC-4 to 12:0\d UTC-4 on 2024-05-15/,
    );
    const timeline = timelineOf(draft);
    expect(timeline.find((e) => e.text.startsWith('share-skew fired'))?.clock).toBe('09:55');
    expect(timeline.find((e) => e.text.startsWith('Misconfiguration corrected'))?.clock).toBe(
      '12:00',
    );
  });

  it('measures the impact: the share of requests the two served, their errors and latency', () => {
    const impact = summaryLine(draft, 'Impact');
    const share = Number(/served ([\d.]+)% of their pool's/.exec(impact)?.[1]);
    // 2.2x a fair fifth of the pool
    expect(share).toBeGreaterThan(40);
    expect(share).toBeLessThan(48);
    expect(impact).toContain('(their weighted share: 20.0%)');
    const [named, rest] = [...impact.matchAll(/([\d.]+)%/g)].slice(2, 4).map((m) => Number(m[1]));
    expect(named).toBeGreaterThan(10 * rest!);
    expect(impact).toMatch(/p95 [\d.]+ s against \d+ ms/);
  });

  it('says how much earlier the skew was visible than the postmortem found it', () => {
    expect(summaryLine(draft, 'First note')).toMatch(
      /"Latency alert fired" at 10:00 UTC-4, 4m \d+s after/,
    );
    expect(summaryLine(draft, 'Seen earlier')).toBe(
      '- **Seen earlier:** the detector named the cause at 09:55 UTC-4, 1h 35m before the root cause note at 11:30 UTC-4.',
    );
  });

  it('imports back to the same events at the same minutes', () => {
    const { annotations, errors } = parsePostmortemTimeline(draft, { source: 'draft' });
    expect(errors).toEqual([]);
    const written = timelineOf(draft).map((e) => e.clock);
    expect(annotations.map((a) => formatClock(a.t, NEW_YORK))).toEqual(written);
    expect(annotations.length).toBe(written.length);
    // the seven notes of the postmortem and three alerts, each firing and resolving
    expect(written.length).toBe(8 + 6);
  });
});

describe('the postmortem draft of a recording', () => {
  const record = (name: string, frames: number) => recordScenario(getScenario(name), { frames });

  it('of a slow backend names app-03 and the backend as the cause', () => {
    const draft = draftFromRecording(record('slow-backend', 200));
    expect(summaryLine(draft, 'Servers')).toBe('- **Servers:** app-03.');
    expect(summaryLine(draft, 'Cause')).toMatch(/the servers named/);
    expect(summaryLine(draft, 'First note')).toBe(
      '- **First note:** none was written while it fired.',
    );
  });

  it('of a server down names it', () => {
    const draft = draftFromRecording(record('server-down', 200));
    expect(draft).toMatch(/^# server-down on /);
    expect(timelineOf(draft).some((e) => e.text.startsWith('server-down fired'))).toBe(true);
  });

  it('with nothing wrong says nothing fired, and still has a timeline that imports', () => {
    const draft = draftFromRecording(record('quiet-traffic', 120));
    expect(draft).toMatch(/^# No alert in the recording, \d{4}-\d\d-\d\d\n/);
    expect(draft).toContain('- Nothing fired: the detector found no skew');
    expect(draft).toContain('## Timeline\n- Nothing happened that the recording holds.');
    expect(parsePostmortemTimeline(draft, { source: 'draft' }).annotations).toEqual([]);
  });

  it('of an empty recording (a hello and no frame) says nothing fired, not an error', () => {
    const hello = recordScenario(getScenario('quiet-traffic'), { frames: 0 });
    const draft = draftFromRecording(hello);
    expect(draft).toContain('- Nothing fired');
    expect(draft).toContain('0 frames');
  });

  it('drops a note removed later, and keeps those that stay', () => {
    const text =
      record('slow-backend', 60) +
      recordingLine('annotation', {
        v: 1,
        id: 'n1',
        t: Date.UTC(2024, 4, 15, 13, 32),
        kind: 'note',
        title: 'Paged the on-call',
      }) +
      recordingLine('annotation', {
        v: 1,
        id: 'n2',
        t: Date.UTC(2024, 4, 15, 13, 33),
        kind: 'note',
        title: 'Wrong page',
      }) +
      recordingLine('annotation:remove', { v: 1, id: 'n2' });
    const draft = draftFromRecording(text);
    expect(draft).toContain('Paged the on-call');
    expect(draft).not.toContain('Wrong page');
  });

  it.each([
    { tz: 'Europe/Berlin', offset: 'UTC+2' },
    { tz: '+05:30', offset: 'UTC+5:30' },
    { tz: '-04:00', offset: 'UTC-4' },
    { tz: 'UTC', offset: '' },
  ])(
    'in $tz: times in that zone, said once, and read back to the same minutes',
    ({ tz, offset }) => {
      const draft = draftFromRecording(sampleRecording(), { tz });
      expect(draft).toContain(
        tz === 'UTC'
          ? 'All times are in UTC.'
          : tz.includes('/')
            ? `All times are in ${tz} (${offset}).`
            : `All times are in ${offset}.`,
      );
      const { annotations, errors } = parsePostmortemTimeline(draft, { source: 'draft' });
      expect(errors).toEqual([]);
      expect(annotations.map((a) => formatClock(a.t, tz))).toEqual(
        timelineOf(draft).map((e) => e.clock),
      );
    },
  );

  it('across a DST change, each entry at its own offset', () => {
    // New York leaves DST on 2024-11-03 at 02:00 (01:00 to 02:00 comes twice): notes at 00:30
    // EDT and 03:30 EST
    const base = recordScenario(getScenario('slow-backend'), { frames: 1 });
    const hello = base.split('\n')[0]!;
    const at = (iso: string) => Date.parse(iso);
    const note = (id: string, iso: string) =>
      recordingLine('annotation', { v: 1, id, t: at(iso), kind: 'note', title: `note ${id}` });
    const text =
      `${hello}\n` + note('before', '2024-11-03T04:30:00Z') + note('after', '2024-11-03T08:30:00Z');
    const draft = draftFromRecording(text, { tz: NEW_YORK });
    expect(timelineOf(draft).map((e) => e.clock)).toEqual(['00:30', '03:30']);
    const { annotations, errors } = parsePostmortemTimeline(draft, { source: 'draft' });
    expect(errors).toEqual([]);
    expect(annotations.map((a) => a.t)).toEqual([
      at('2024-11-03T04:30:00Z'),
      at('2024-11-03T08:30:00Z'),
    ]);
  });
});

describe('the draft of a review', () => {
  it("is the same as the command's, from the frames and alerts the review holds", () => {
    const text = sampleRecording();
    const payloads = parseRecording(text).payloads;
    const input = payloads.filter(
      (p): p is Extract<RecordedPayload, { type: 'hello' | 'frame' }> =>
        p.type === 'hello' || p.type === 'frame',
    );
    const notes = payloads.flatMap((p) => (p.type === 'annotation' ? [p.payload] : []));
    const facts = factsOfReview(input, notes, detectAlerts(input));
    expect(writePostmortemDraft(facts, { source: SEED_NAME })).toBe(
      draftFromRecording(text, { source: SEED_NAME }),
    );
  });
});
