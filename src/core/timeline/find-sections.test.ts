import { describe, expect, it } from 'vitest';
import { findSections } from './find-sections';
import { scanLines } from './markdown-lines';

/** The line numbers inside each timeline section, and whether the document had a heading. */
const sectionLines = (doc: string) =>
  findSections(scanLines(doc)).sections.map((s) => ({
    heading: s.heading?.n,
    lines: s.lines.filter((l) => l.kind !== 'blank' && l.kind !== 'skip').map((l) => l.n),
    strict: s.strict,
  }));

describe('findSections', () => {
  it.each([
    {
      name: '"##Timeline:" without a space',
      doc: '#Summary:\nx\n##Timeline:\n- a\n##Root Cause:\n- b',
      want: [{ heading: 3, lines: [4], strict: true }],
    },
    {
      name: 'a deeper heading stays inside',
      doc: '## Timeline\n### May 15\n- a\n## Next',
      want: [{ heading: 1, lines: [2, 3], strict: true }],
    },
    {
      name: 'setext heading',
      doc: 'Timeline\n--------\n- a\n\nLessons\n=======\n- b',
      want: [{ heading: 1, lines: [3], strict: true }],
    },
    {
      name: 'a bold label, ended by the next bold label',
      doc: '**Timeline**\n\n14:00 a\n\n**Supporting information:**\n- b',
      want: [{ heading: 1, lines: [3], strict: true }],
    },
    {
      name: '"Timeline (all times UTC):" label',
      doc: 'Timeline (all times UTC):\n14:00 a',
      want: [{ heading: 1, lines: [2], strict: true }],
    },
    {
      name: '"## Updates" alone is a timeline',
      doc: '## Updates\nx',
      want: [{ heading: 1, lines: [2], strict: true }],
    },
    {
      name: '"## Updates to the runbook" is not',
      doc: '## Updates to the runbook\nx',
      want: [{ lines: [1, 2], strict: false }],
    },
    {
      name: 'two timelines',
      doc: '## Timeline\na\n## Impact\nb\n## Chronology\nc',
      want: [
        { heading: 1, lines: [2], strict: true },
        { heading: 5, lines: [6], strict: true },
      ],
    },
    {
      name: 'no timeline: the whole document, leniently',
      doc: '2024-05-15T14:00Z a\nb',
      want: [{ lines: [1, 2], strict: false }],
    },
  ])('$name', ({ doc, want }) => {
    expect(sectionLines(doc)).toEqual(want);
  });
});

describe('scanLines', () => {
  it.each([
    {
      line: '- **10:00 AM:** text',
      want: { kind: 'text', bullet: true, content: '**10:00 AM:** text' },
    },
    { line: '  * nested', want: { kind: 'text', bullet: true, indent: 2, content: 'nested' } },
    { line: '3. third', want: { kind: 'text', bullet: true, content: 'third' } },
    { line: '14:05 text', want: { kind: 'text', bullet: false, content: '14:05 text' } },
    { line: '> quoted', want: { kind: 'text', content: 'quoted' } },
    {
      line: '#### 2018 October 21 22:52 UTC',
      want: { kind: 'heading', level: 4, content: '2018 October 21 22:52 UTC' },
    },
  ])('$line', ({ line, want }) => {
    expect(scanLines(line)[0]).toMatchObject(want);
  });

  it('reads tables, and nothing inside a code fence as structure', () => {
    const lines = scanLines(
      '| Time | Event |\n|---|---|\n| 14:05 | a \\| b |\n```\n# not a heading\n- not a list\n```',
    );
    expect(lines.map((l) => l.kind)).toEqual([
      'table-header',
      'skip',
      'table-row',
      'skip',
      'text',
      'text',
      'skip',
    ]);
    expect(lines[2]!.cells).toEqual(['14:05', 'a | b']);
    expect(lines[5]!.bullet).toBe(false);
  });
});
