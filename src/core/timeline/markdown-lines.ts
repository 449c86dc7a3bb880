/**
 * Markdown, one line at a time: enough block structure to find a timeline (headings, list
 * items, table rows, code fences), and no more. Inline markup is left to plain-text.ts.
 */

export type LineKind = 'blank' | 'heading' | 'text' | 'table-header' | 'table-row' | 'skip';

/** One source line and what it is. */
export interface MdLine {
  /** 1-based, as an editor shows it */
  n: number;
  raw: string;
  kind: LineKind;
  /** heading text, list item text (without its marker), or the trimmed line */
  content: string;
  /** 1-6 for headings */
  level: number;
  /** a list item */
  bullet: boolean;
  /** leading spaces (a tab counts 4) */
  indent: number;
  /** table cells, without the outer pipes */
  cells: string[];
}

// Every shape here is read by a scanner or by a pattern anchored at one end with no two
// quantifiers over the same characters side by side: a postmortem is someone else's text, and
// "#" then a line of spaces must cost one pass, not one pass per space.
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const FENCE = /^\s*(```|~~~)/;
const BULLET = /^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/;
const QUOTE = /^\s*(?:>\s?)+/;
const TABLE_RULE_CELL = /^:?-{2,}:?$/;

/** "# Title", "## Timeline ##": its level and text, or undefined when the line is no heading. */
function readAtxHeading(text: string): { level: number; content: string } | undefined {
  let at = 0;
  while (at < 3 && text[at] === ' ') at++;
  let level = 0;
  while (text[at + level] === '#') level++;
  if (level < 1 || level > 6) return undefined;
  let content = text.slice(at + level).trim();
  // a closing run of #s counts only after a space: "C#" keeps its #
  let end = content.length;
  while (end > 0 && content[end - 1] === '#') end--;
  if (end > 0 && end < content.length && /\s/.test(content[end - 1]!)) {
    content = content.slice(0, end).trimEnd();
  }
  return { level, content };
}

/** "|---|:--:|", "--- | ---": a line under a table's header row. */
function isTableRule(text: string): boolean {
  let row = text.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').every((cell) => TABLE_RULE_CELL.test(cell.trim()));
}

function splitRow(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

const indentOf = (s: string) => {
  const lead = /^[ \t]*/.exec(s)![0];
  return lead.replace(/\t/g, '    ').length;
};

/** Splits a document into classified lines. */
export function scanLines(markdown: string): MdLine[] {
  const raws = markdown.split(/\r\n|\r|\n/);
  const lines: MdLine[] = [];
  let inFence = false;
  let inTable = false;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const text = raw.replace(QUOTE, '');
    const line: MdLine = {
      n: i + 1,
      raw,
      kind: 'text',
      content: text.trim(),
      level: 0,
      bullet: false,
      indent: indentOf(text),
      cells: [],
    };
    lines.push(line);
    if (FENCE.test(text)) {
      inFence = !inFence;
      line.kind = 'skip';
      continue;
    }
    if (inFence) continue; // a pasted log: plain lines, never headings or lists
    if (text.trim() === '') {
      line.kind = 'blank';
      inTable = false;
      continue;
    }
    const next = raws[i + 1] ?? '';
    if (text.includes('|') && (inTable || isTableRule(next.replace(QUOTE, '')))) {
      if (isTableRule(text)) {
        line.kind = 'skip';
      } else {
        line.kind = inTable ? 'table-row' : 'table-header';
        line.cells = splitRow(text);
        inTable = true;
      }
      continue;
    }
    inTable = false;
    const atx = readAtxHeading(text);
    if (atx) {
      Object.assign(line, { kind: 'heading', ...atx });
      continue;
    }
    const prev = lines[i - 1];
    const setext = SETEXT.exec(text);
    if (setext) {
      // "Timeline\n--------" makes the line above a heading; after a blank it is a rule
      if (prev?.kind === 'text' && !prev.bullet) {
        Object.assign(prev, { kind: 'heading', level: setext[1]![0] === '=' ? 1 : 2 });
      }
      line.kind = 'skip';
      continue;
    }
    const bullet = BULLET.exec(text.trim());
    if (bullet) Object.assign(line, { bullet: true, content: bullet[1]!.trim() });
  }
  return lines;
}
