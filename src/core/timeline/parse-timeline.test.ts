import { describe, expect, it } from 'vitest';
import { parsePayload, type AnnotationKind } from '../protocol/protocol';
import { cloudflareTable } from './fixtures/cloudflare-table';
import { datedEntries } from './fixtures/dated-entries';
import { dateTimeColumns } from './fixtures/date-time-columns';
import { githubHeadings } from './fixtures/github-headings';
import { gitlabBullets } from './fixtures/gitlab-bullets';
import { incidentIo } from './fixtures/incident-io';
import { isoLog } from './fixtures/iso-log';
import { lbMisconfig } from './fixtures/lb-misconfig';
import { mixedZones } from './fixtures/mixed-zones';
import { pagerdutyLog } from './fixtures/pagerduty-log';
import { sreBook } from './fixtures/sre-book';
import { statuspage } from './fixtures/statuspage';
import { broken } from './fixtures/broken';
import {
  MAX_POSTMORTEM_CHARS,
  parsePostmortemTimeline,
  type TimelineOptions,
} from './parse-timeline';

/** [line, UTC time, kind, tags?] of one expected annotation */
type Entry = [number, string, AnnotationKind, string[]?];

const utc = (iso: string) => Date.parse(`${iso}Z`);
const summary = (doc: string, opts?: TimelineOptions) => {
  const parsed = parsePostmortemTimeline(doc, opts);
  return {
    entries: parsed.annotations.map((a): Entry => {
      const entry: Entry = [
        Number(a.id.split(':').pop()),
        new Date(a.t).toISOString().slice(0, -5),
        a.kind,
      ];
      if (a.tags) entry.push(a.tags);
      return entry;
    }),
    errors: parsed.errors,
    date: parsed.date,
    tz: parsed.tz,
  };
};

describe('the seed postmortem (2024-05-15, load balancer)', () => {
  const parsed = parsePostmortemTimeline(lbMisconfig, {
    source: 'postmortem:2024-05-15-lb-misconfig.md',
  });

  it('reads the day and zone from the summary and 10:00 AM UTC-4 as 14:00Z', () => {
    expect(parsed.date).toBe('2024-05-15');
    expect(parsed.tz).toBe('-04:00');
    expect(parsed.annotations[0]!.t).toBe(Date.UTC(2024, 4, 15, 14, 0));
    expect(parsed.annotations.at(-1)!.t).toBe(Date.UTC(2024, 4, 15, 16, 0));
    expect(parsed.errors).toEqual([]);
  });

  it('gives each entry a title, plain text, source and an id from its line', () => {
    expect(parsed.annotations[5]).toEqual({
      v: 1,
      id: 'postmortem:2024-05-15-lb-misconfig.md:12',
      t: Date.UTC(2024, 4, 15, 15, 30),
      title: 'The misconfiguration was identified as the root cause',
      text: 'After reviewing load balancer configurations, the misconfiguration was identified as the root cause.',
      kind: 'identified',
      source: 'postmortem:2024-05-15-lb-misconfig.md',
    });
    for (const a of parsed.annotations) expect(a.text).not.toMatch(/\*\*/);
  });

  it('reads the same with Windows line ends', () => {
    expect(summary(lbMisconfig.replace(/\n/g, '\r\n'))).toEqual(summary(lbMisconfig));
  });
});

describe('postmortems in the shapes they are written in', () => {
  it.each<{ name: string; doc: string; date?: string; tz?: string; entries: Entry[] }>([
    {
      // 10:45 "Further analysis revealed discrepancies": still investigating (see classify-kind.test.ts)
      name: 'the seed: "##Timeline:", bold AM/PM, zone and day from the summary',
      doc: lbMisconfig,
      date: '2024-05-15',
      tz: '-04:00',
      entries: [
        [7, '2024-05-15T14:00:00', 'detected'],
        [8, '2024-05-15T14:05:00', 'investigating'],
        [9, '2024-05-15T14:30:00', 'investigating'],
        [10, '2024-05-15T14:45:00', 'investigating'],
        [11, '2024-05-15T15:00:00', 'escalated'],
        [12, '2024-05-15T15:30:00', 'identified'],
        [13, '2024-05-15T16:00:00', 'resolved'],
      ],
    },
    {
      name: 'Google SRE book: "**Timeline**" label, bare lines, date lines "(all times UTC)"',
      doc: sreBook,
      date: '2023-03-07',
      tz: 'UTC',
      entries: [
        [17, '2023-03-07T23:41:00', 'note'],
        [18, '2023-03-07T23:44:00', 'note'],
        [19, '2023-03-07T23:45:00', 'note'],
        [20, '2023-03-07T23:46:00', 'detected'],
        [21, '2023-03-07T23:52:00', 'investigating'],
        [23, '2023-03-08T00:03:00', 'escalated'],
        [24, '2023-03-08T00:19:00', 'identified'],
        [25, '2023-03-08T00:37:00', 'resolved'],
        [26, '2023-03-08T00:51:00', 'resolved'],
      ],
    },
    {
      name: 'Cloudflare: "| Time (UTC) | Event |" table, a date in every row',
      doc: cloudflareTable,
      date: '2023-11-02',
      tz: 'UTC',
      entries: [
        [9, '2023-11-02T11:43:00', 'note'],
        [10, '2023-11-02T11:44:00', 'detected'],
        [11, '2023-11-02T11:58:00', 'escalated'],
        [12, '2023-11-02T12:31:00', 'identified'],
        [13, '2023-11-02T13:09:00', 'resolved'],
        [14, '2023-11-02T15:10:00', 'resolved'],
      ],
    },
    {
      name: 'GitLab: slashed date once, "~19:00", a range, midnight crossed with no date',
      doc: gitlabBullets,
      date: '2017-01-31',
      tz: 'UTC',
      entries: [
        [7, '2017-01-31T16:00:00', 'investigating'],
        [8, '2017-01-31T19:00:00', 'note', ['approximate']],
        [9, '2017-01-31T23:00:00', 'note'],
        [10, '2017-01-31T23:30:00', 'escalated'],
        [11, '2017-02-01T00:36:00', 'investigating', ['crossed-midnight']],
        [12, '2017-02-01T17:20:00', 'resolved'],
      ],
    },
    {
      name: 'GitHub: a heading per moment, its paragraphs as text',
      doc: githubHeadings,
      date: '2018-10-21',
      tz: 'UTC',
      entries: [
        [9, '2018-10-21T22:52:00', 'note'],
        [13, '2018-10-21T22:54:00', 'detected'],
        [19, '2018-10-22T00:05:00', 'escalated'],
        [23, '2018-10-22T06:51:00', 'identified'],
        [27, '2018-10-22T16:24:00', 'resolved'],
      ],
    },
    {
      name: 'PagerDuty log: "May 15, 2024 at 9:58:31 AM", zone as an IANA name in a header field',
      doc: pagerdutyLog,
      date: '2024-05-15',
      tz: 'America/New_York',
      entries: [
        [11, '2024-05-15T13:58:31', 'detected'],
        [12, '2024-05-15T13:58:32', 'note'],
        [13, '2024-05-15T14:01:05', 'investigating'],
        [14, '2024-05-15T14:14:40', 'escalated'],
        [15, '2024-05-15T14:15:02', 'identified'],
        [16, '2024-05-15T14:52:19', 'resolved'],
      ],
    },
    {
      name: 'incident.io: Europe/London in summer, a heading per day across midnight',
      doc: incidentIo,
      date: '2024-06-11',
      tz: 'Europe/London',
      entries: [
        [15, '2024-06-11T21:40:00', 'detected'],
        [16, '2024-06-11T21:46:00', 'investigating'],
        [17, '2024-06-11T22:05:00', 'escalated'],
        [19, '2024-06-11T22:58:00', 'identified'],
        [23, '2024-06-11T23:20:00', 'resolved'],
        [24, '2024-06-12T00:15:00', 'resolved'],
      ],
    },
    {
      name: 'Statuspage: newest first, the time on the line under each update',
      doc: statuspage,
      date: '2024-05-15',
      tz: 'UTC',
      entries: [
        [17, '2024-05-15T13:55:00', 'investigating'],
        [14, '2024-05-15T14:20:00', 'identified'],
        [11, '2024-05-15T14:41:00', 'resolved'],
        [8, '2024-05-15T15:02:00', 'resolved'],
      ],
    },
    {
      name: 'a plain ISO 8601 log, Z and +02:00, no headings',
      doc: isoLog,
      date: '2024-05-15',
      tz: 'UTC',
      entries: [
        [1, '2024-05-15T13:58:00', 'detected'],
        [2, '2024-05-15T14:01:12', 'investigating'],
        [4, '2024-05-15T14:05:00', 'resolved'],
        [5, '2024-05-15T14:10:00', 'resolved'],
      ],
    },
    {
      name: 'a zone on every entry: EDT, PST, CEST, (UTC-4), "2:05 p.m.", "3:00pm", seconds',
      doc: mixedZones,
      date: '2024-05-15',
      tz: '-04:00',
      entries: [
        [7, '2024-05-15T14:05:00', 'detected'],
        [8, '2024-05-15T15:20:00', 'investigating'],
        [9, '2024-05-15T15:45:00', 'escalated'],
        [10, '2024-05-15T16:10:00', 'identified'],
        [11, '2024-05-15T18:05:00', 'resolved'],
        [12, '2024-05-15T18:30:30', 'note'],
        [13, '2024-05-15T19:00:00', 'resolved'],
      ],
    },
    {
      name: 'a date on every entry: "15 May 2024 14:05 UTC", "May 15, 14:30 UTC"',
      doc: datedEntries,
      date: '2024-05-15',
      tz: 'UTC',
      entries: [
        [5, '2024-05-15T14:05:00', 'change'],
        [6, '2024-05-15T14:09:00', 'detected'],
        [7, '2024-05-15T14:30:00', 'resolved'],
        [8, '2024-05-16T09:00:00', 'note'],
      ],
    },
    {
      name: 'separate Date and "Time (EDT)" columns; a table without times is not a timeline',
      doc: dateTimeColumns,
      date: '2024-05-15',
      tz: '-04:00',
      entries: [
        [12, '2024-05-15T13:50:00', 'change'],
        [13, '2024-05-15T14:02:00', 'detected'],
        [14, '2024-05-15T14:40:00', 'resolved'],
      ],
    },
  ])('$name', ({ doc, date, tz, entries }) => {
    expect(summary(doc)).toEqual({ entries, errors: [], date, tz });
  });

  it.each([
    ['seed', lbMisconfig],
    ['sre book', sreBook],
    ['cloudflare', cloudflareTable],
    ['gitlab', gitlabBullets],
    ['github', githubHeadings],
    ['pagerduty', pagerdutyLog],
    ['incident.io', incidentIo],
    ['statuspage', statuspage],
    ['iso log', isoLog],
    ['mixed zones', mixedZones],
    ['dated entries', datedEntries],
    ['date and time columns', dateTimeColumns],
  ])('%s: every annotation passes the protocol validator, with a short plain title', (_, doc) => {
    const { annotations } = parsePostmortemTimeline(doc, { source: 'postmortem:x.md' });
    expect(new Set(annotations.map((a) => a.id)).size).toBe(annotations.length);
    for (const a of annotations) {
      expect(parsePayload('annotation', a)).toEqual({ ok: true, value: a });
      expect(Number.isInteger(a.t)).toBe(true);
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.title.length).toBeLessThanOrEqual(80);
      expect(a.title).not.toMatch(/\*\*|\]\(|`/);
    }
  });
});

describe('entry text and extent', () => {
  it.each([
    {
      name: 'a range has an end',
      doc: gitlabBullets,
      line: 9,
      want: {
        endT: utc('2017-01-31T23:27'),
        text: 'YP removes the data directory on the wrong host while trying to fix replication.',
      },
    },
    {
      name: 'a heading entry takes every paragraph under it',
      doc: githubHeadings,
      line: 13,
      want: {
        text: 'Internal monitoring began reporting numerous faults. Engineers were paged. Responding engineers saw unexpected database topology.',
      },
    },
    {
      name: 'a nested list item joins its entry as a sentence',
      doc: incidentIo,
      line: 17,
      want: {
        title: 'Sam Okafor paged the payments-infra team',
        text: 'Sam Okafor paged the payments-infra team. Context: the queue consumer had been scaled to zero by an autoscaler change',
      },
    },
    {
      name: 'a table row: its other cells, links reduced to their words, HTML left as text',
      doc: cloudflareTable,
      line: 14,
      want: { text: 'All services restored <br> monitoring continues' },
    },
    {
      name: 'a Statuspage update: the label, then its words',
      doc: statuspage,
      line: 8,
      want: {
        title: 'Resolved - This incident has been resolved',
        text: 'Resolved - This incident has been resolved. API error rates have returned to normal.',
      },
    },
    {
      name: 'a table row with a Status column',
      doc: dateTimeColumns,
      line: 12,
      want: { text: 'Change — Cache TTL change deployed to production' },
    },
  ])('$name', ({ doc, line, want }) => {
    const a = parsePostmortemTimeline(doc).annotations.find((x) => x.id === `postmortem:${line}`);
    expect(a).toMatchObject(want);
  });

  it('keeps untrusted text as text: markdown goes, HTML and script stay inert characters', () => {
    const doc =
      '## Timeline\n\n- 14:05 UTC <img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))\n';
    const [a] = parsePostmortemTimeline(doc, { date: '2024-05-15' }).annotations;
    expect(a!.text).toBe('<img src=x onerror=alert(1)> bold link');
  });
});

describe('what the document does not say', () => {
  const timeOnly = '## Timeline\n\n- 14:05 Alert fired\n- 14:20 Rolled back\n';
  const noZone = 'Date: 2024-05-15\n\n' + timeOnly;
  const noDate = 'All times are in UTC.\n\n' + timeOnly;

  it.each<{
    name: string;
    doc: string;
    opts?: TimelineOptions;
    entries: Entry[];
    errors?: RegExp[];
  }>([
    {
      name: 'no zone: every entry is an error',
      doc: noZone,
      entries: [],
      errors: [/no time zone/, /no time zone/],
    },
    {
      name: 'no day: every entry is an error',
      doc: noDate,
      entries: [],
      errors: [/no date/, /no date/],
    },
    {
      name: 'no zone, --tz +02:00',
      doc: noZone,
      opts: { tz: '+02:00' },
      entries: [
        [5, '2024-05-15T12:05:00', 'detected'],
        [6, '2024-05-15T12:20:00', 'resolved'],
      ],
    },
    {
      name: 'no zone, --tz America/New_York (EDT in May)',
      doc: noZone,
      opts: { tz: 'America/New_York' },
      entries: [
        [5, '2024-05-15T18:05:00', 'detected'],
        [6, '2024-05-15T18:20:00', 'resolved'],
      ],
    },
    {
      name: 'no day, --date',
      doc: noDate,
      opts: { date: '2024-05-15' },
      entries: [
        [5, '2024-05-15T14:05:00', 'detected'],
        [6, '2024-05-15T14:20:00', 'resolved'],
      ],
    },
    {
      name: 'the document wins over --tz and --date',
      doc: lbMisconfig,
      opts: { tz: 'UTC', date: '2020-01-01' },
      entries: summary(lbMisconfig).entries,
    },
    {
      name: '"May 15" with no year anywhere',
      doc: '## Timeline\n\n- May 15, 14:05 UTC alert\n',
      entries: [],
      errors: [/no year/],
    },
    {
      name: '"May 15" takes its year from --date',
      doc: '## Timeline\n\n- May 15, 14:05 UTC alert\n',
      opts: { date: '2024-01-01' },
      entries: [[3, '2024-05-15T14:05:00', 'note']],
    },
  ])('$name', ({ doc, opts, entries, errors = [] }) => {
    const got = summary(doc, opts);
    expect(got.entries).toEqual(entries);
    expect(got.errors.map((e) => e.message)).toEqual(errors.map((e) => expect.stringMatching(e)));
  });

  it('refuses malformed options rather than guess', () => {
    expect(() => parsePostmortemTimeline('', { date: '15/05/2024' })).toThrow(RangeError);
    expect(() => parsePostmortemTimeline('', { tz: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => parsePostmortemTimeline('', { tz: 'IST' })).toThrow(/ambiguous/);
  });
});

describe('midnight', () => {
  const doc = `Date: 2024-05-15
All times are in UTC.

## Timeline

- 23:50 deploy started
- 00:10 errors noticed
- 00:20 rolled back
- 2024-05-17 01:00 review held
- 02:00 notes published
`;

  it('a time earlier than the one before, with no date, is the next day, and tagged so', () => {
    expect(summary(doc).entries).toEqual([
      [6, '2024-05-15T23:50:00', 'change'],
      [7, '2024-05-16T00:10:00', 'detected', ['crossed-midnight']],
      [8, '2024-05-16T00:20:00', 'resolved', ['crossed-midnight']],
      [9, '2024-05-17T01:00:00', 'note'],
      [10, '2024-05-17T02:00:00', 'note'],
    ]);
  });
});

describe('what it cannot read, it reports by line', () => {
  it('reads the good entries and names each bad line', () => {
    const parsed = parsePostmortemTimeline(broken);
    expect(parsed.annotations.map((a) => a.id)).toEqual(['postmortem:7', 'postmortem:11']);
    expect(parsed.errors.map(({ line, message }) => [line, message])).toEqual([
      [8, '25:10 is not a time of day'],
      [9, 'cannot find a time at the start of this timeline entry'],
      [10, expect.stringMatching(/^IST is ambiguous/)],
      [12, '14:25 is before the entry on line 11: if it is out of order, give it a date'],
      [13, expect.stringMatching(/^05\/06\/2024 could be month\/day or day\/month/)],
      [14, '2024-02-30 is not a date'],
      [15, 'this entry has a time but no text'],
    ]);
    expect(parsed.errors[0]!.text).toBe('- 25:10 Engineers began investigating');
  });

  it.each([
    { name: 'prose only', doc: 'We had an outage on May 15, 2024 at 10:00 AM.\n' },
    { name: 'an empty document', doc: '' },
  ])('$name: no entries, no errors', ({ doc }) => {
    expect(parsePostmortemTimeline(doc, { tz: 'UTC', date: '2024-05-15' })).toMatchObject({
      annotations: [],
      errors: [],
    });
  });

  it('reads only the timeline when there is one: other lists are not entries, even with times', () => {
    const doc =
      '## Timeline\n\n- 14:05 alert fired\n\n## Action items\n\n- 14:05 daily: run the drill\n- Add alerts\n';
    const parsed = parsePostmortemTimeline(doc, { tz: 'UTC', date: '2024-05-15' });
    expect(parsed.annotations.map((a) => a.id)).toEqual(['postmortem:3']);
    expect(parsed.errors).toEqual([]);
  });

  it('reads a document past 1 MiB up to its last whole line within it, and names the first line not read', () => {
    const timeline = '## Timeline\n- 14:05 alert fired\n\n## Appendix\n';
    const filler = 'x'.repeat(99) + '\n';
    const lines = Math.ceil(MAX_POSTMORTEM_CHARS / filler.length) + 10;
    const doc = timeline + filler.repeat(lines) + '## More\n';
    const parsed = parsePostmortemTimeline(doc, { tz: 'UTC', date: '2024-05-15' });
    expect(parsed.annotations.map((a) => a.title)).toEqual(['alert fired']);
    // the line that runs past the limit is the first not read
    expect(doc[MAX_POSTMORTEM_CHARS]).not.toBe('\n');
    const firstUnread = doc.slice(0, MAX_POSTMORTEM_CHARS).split('\n').length;
    expect(parsed.errors).toEqual([
      {
        line: firstUnread,
        text: '',
        message: `the document is longer than 1 MiB: lines from ${firstUnread} on were not read`,
      },
    ]);
  });

  it('keeps every entry of a file with a very long name: the source is cut to the protocol limit', () => {
    const source = `import:${'n'.repeat(500)}.md`;
    const parsed = parsePostmortemTimeline('## Timeline\n- 14:05 alert fired\n', {
      tz: 'UTC',
      date: '2024-05-15',
      source,
    });
    expect(parsed.errors).toEqual([]);
    const [note] = parsed.annotations;
    expect(note!.source).toBe(source.slice(0, note!.source!.length));
    expect(note!.id.length).toBeLessThanOrEqual(200);
    expect(note!.id).toBe(`${note!.source}:2`);
  });
});
