/**
 * Entry text as plain text: markdown emphasis, code and links become their words. HTML is left
 * exactly as written (it is shown as text, never interpreted), so nothing here is a sanitiser.
 */

// Escaped characters are set aside first so "\*" never starts emphasis: each becomes a
// private-use character of its own and comes back at the end. Scanned, one character for one:
// a line of thousands of escapes makes no garbage to collect (numbered placeholders made the
// work grow faster than the line).
const ESCAPABLE = '\\`*_{}[]()#+-.!|~<>';
const HELD_BASE = 0xe010;
const HELD_CHARS = [...ESCAPABLE].map((_, i) => String.fromCharCode(HELD_BASE + i));
const HELD = /[\uE010-\uE022]/;

/** `\*` -> its held character; a backslash before anything else stays as written */
function holdEscapes(s: string): string {
  let out = '';
  let from = 0;
  for (let i = s.indexOf('\\'); i >= 0 && i + 1 < s.length; i = s.indexOf('\\', i)) {
    const k = ESCAPABLE.indexOf(s[i + 1]!);
    if (k < 0) {
      i++;
      continue;
    }
    out += s.slice(from, i) + HELD_CHARS[k]!;
    from = i += 2;
  }
  return out + s.slice(from);
}

function releaseEscapes(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i) - HELD_BASE;
    if (k < 0 || k >= ESCAPABLE.length) continue;
    out += s.slice(from, i) + ESCAPABLE[k]!;
    from = i + 1;
  }
  return out + s.slice(from);
}

// Links, images and single-character emphasis: each pattern stops at the next bracket or
// delimiter, so an opener with no closer costs only the text up to the next one.
// each with the character it needs: a rule is run only on text that holds it
const RULES: readonly [string, RegExp, string][] = [
  ['[', /!\[([^\][]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'], // image -> alt text
  ['[', /\[([^\][]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'], // [text](url), the url may hold (...)
  ['[', /\[([^\][]+)\]\[[^\][]*\]/g, '$1'], // [text][ref]
  ['<', /<((?:https?|mailto):[^<>\s]+)>/g, '$1'], // <https://...>
];
const SINGLE_EMPHASIS: readonly [string, RegExp, string][] = [
  ['*', /(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1$2'],
  ['_', /(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2'],
];
/** a character that may start markup; a line without one is plain already */
const MARKUP = /[\\`*_~[<]/;
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f\uE010-\uE022]/g;

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * `code` spans: a run of backticks closes at the next run of the same length. Scanned, not
 * matched: a lazy pattern tries every later character for each opener, and a line of backticks
 * is thousands of openers.
 */
function unwrapCode(s: string): string {
  const runs: { at: number; length: number }[] = [];
  for (let i = 0; i < s.length;) {
    if (s[i] !== '`') {
      i++;
      continue;
    }
    const at = i;
    while (s[i] === '`') i++;
    runs.push({ at, length: i - at });
  }
  if (runs.length < 2) return s; // a lone run closes nothing
  // the runs of each length, and how far the search for a closer of that length has got
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const same = byLength.get(run.length);
    if (same) same.push(index);
    else byLength.set(run.length, [index]);
  });
  const cursor = new Map<number, number>();
  let out = '';
  let from = 0;
  for (let r = 0; r < runs.length; r++) {
    const open = runs[r]!;
    if (open.at < from) continue;
    const same = byLength.get(open.length)!;
    let c = cursor.get(open.length) ?? 0;
    while (c < same.length && same[c]! <= r) c++;
    cursor.set(open.length, c);
    if (c === same.length) continue;
    const close = runs[same[c]!]!;
    out += s.slice(from, open.at) + s.slice(open.at + open.length, close.at);
    from = close.at + close.length;
    r = same[c]!;
  }
  return out + s.slice(from);
}

/**
 * `**bold**`, `__bold__`, `~~struck~~`: an opener followed by a non-space closes at the first
 * later delimiter preceded by a non-space. When an opener finds no closer, no later opener can
 * (the closers are the same for all), so one pass forward does it.
 */
function unwrapPairs(s: string, delimiter: string): string {
  const width = delimiter.length;
  let out = '';
  let from = 0;
  let search = 0;
  for (;;) {
    let open = s.indexOf(delimiter, search);
    while (open >= 0 && isSpace(s[open + width])) open = s.indexOf(delimiter, open + 1);
    if (open < 0) break;
    let close = s.indexOf(delimiter, open + width + 1);
    while (close >= 0 && isSpace(s[close - 1])) close = s.indexOf(delimiter, close + 1);
    if (close < 0) break;
    out += s.slice(from, open) + s.slice(open + width, close);
    from = search = close + width;
  }
  return out + s.slice(from);
}

/** Markdown inline text -> plain text on one line. */
export function plainText(markdown: string): string {
  // most lines of a postmortem hold no markup: they only need their spaces tidied
  if (!MARKUP.test(markdown)) return markdown.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  let s = markdown.replace(CONTROL, ' ');
  const escapes = s.includes('\\');
  if (escapes) s = holdEscapes(s);
  for (const [needs, re, to] of RULES) if (s.includes(needs)) s = s.replace(re, to);
  if (s.includes('`')) s = unwrapCode(s);
  for (const delimiter of ['**', '__', '~~'])
    if (s.includes(delimiter)) s = unwrapPairs(s, delimiter);
  for (const [needs, re, to] of SINGLE_EMPHASIS) if (s.includes(needs)) s = s.replace(re, to);
  if (escapes && HELD.test(s)) s = releaseEscapes(s);
  return s.replace(/\s+/g, ' ').trim();
}

const SENTENCE_END = /[.!?](?=\s+["'([]?[\p{Lu}\d]|\s*$)/u;
const LEAD_IN =
  /^(?:after|while|when|once|because|although|since|following|upon|during|before|until|due to)\b[^,]{0,60},\s+/i;
const CLAUSE_BREAK = /[,;:]\s|\s[—–-]\s/g;

/** A readable headline: the first sentence, or its first clause, cut at a word to fit `max`. */
export function headline(text: string, max = 80): string {
  const end = SENTENCE_END.exec(text);
  let s = end ? text.slice(0, end.index + (end[0] === '.' ? 0 : 1)) : text;
  if (s.length <= max) return s;
  // "After reviewing the configs, the misconfiguration was identified": the news is after the comma
  const lead = LEAD_IN.exec(s);
  if (lead && s.length - lead[0].length >= 24) {
    s = s.slice(lead[0].length);
    s = s[0]!.toUpperCase() + s.slice(1);
    if (s.length <= max) return s;
  }
  // the first clause long enough to say something, and not inside a quotation
  const clause = [...s.matchAll(CLAUSE_BREAK)].find(
    (m) => m.index >= 24 && m.index <= max && s.slice(0, m.index).split('"').length % 2 === 1,
  );
  if (clause) return s.slice(0, clause.index);
  s = s.slice(0, max);
  const space = s.lastIndexOf(' ');
  return `${s.slice(0, space > max / 2 ? space : max - 1).replace(/[\s,;:]+$/, '')}…`;
}

/** Lines of one entry as one text; a lone status word ("Resolved") reads as a label. */
export function joinLines(parts: readonly string[]): string {
  const [first, ...rest] = parts.filter((p) => p !== '');
  if (first === undefined) return '';
  if (rest.length === 0) return first;
  return `${first}${/^\w+$/.test(first) ? ':' : ''} ${rest.join(' ')}`;
}
