/**
 * Entry text as plain text: markdown emphasis, code and links become their words. HTML is left
 * exactly as written (it is shown as text, never interpreted), so nothing here is a sanitiser.
 */

// escaped characters are set aside first so "\*" never starts emphasis
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;
const HELD = /\uE000(\d+)\uE001/g;
const RULES: readonly [RegExp, string][] = [
  [/!\[([^\][]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'], // image -> alt text
  [/\[([^\][]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'], // [text](url), the url may hold (...)
  [/\[([^\][]+)\]\[[^\][]*\]/g, '$1'], // [text][ref]
  [/<((?:https?|mailto):[^>\s]+)>/g, '$1'], // <https://...>
  [/(`+)(.+?)\1/g, '$2'],
  [/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'],
  [/~~(?=\S)(.+?)(?<=\S)~~/g, '$1'],
  [/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1$2'],
  [/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2'],
];
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f\uE000\uE001]/g;

/** Markdown inline text -> plain text on one line. */
export function plainText(markdown: string): string {
  const held: string[] = [];
  let s = markdown.replace(CONTROL, ' ').replace(ESCAPE, (_, c: string) => {
    held.push(c);
    return `\uE000${held.length - 1}\uE001`;
  });
  for (const [re, to] of RULES) s = s.replace(re, to);
  return s
    .replace(HELD, (_, i: string) => held[Number(i)]!)
    .replace(/\s+/g, ' ')
    .trim();
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
  return parts
    .filter((p) => p !== '')
    .reduce(
      (text, part) => (text === '' ? part : `${text}${/^\w+$/.test(text) ? ':' : ''} ${part}`),
      '',
    );
}
