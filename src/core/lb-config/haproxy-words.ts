/**
 * HAProxy's configuration lines, split into words the way HAProxy splits them (configuration
 * manual, section 2.2): blanks separate, quotes and backslashes protect, `#` starts a comment.
 * A scanner, not a regex: one pass over each line whatever it holds.
 */

/** One line that holds something, with its number in the file. */
export interface ConfigLine {
  line: number;
  words: string[];
}

/** The lines that hold words; blank and comment-only lines are left out. */
export function haproxyLines(text: string): ConfigLine[] {
  const out: ConfigLine[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const words = splitWords(lines[i]!);
    if (words.length > 0) out.push({ line: i + 1, words });
  }
  return out;
}

export function splitWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === '#') {
      break;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** A word written back so HAProxy reads it as the same word. */
export function quoteWord(word: string): string {
  if (word !== '' && /^[^\s"'\\#]+$/.test(word)) return word;
  // inside single quotes nothing is special; inside double ones `$` would expand a variable
  return word.includes("'") ? `"${word.replace(/["\\$]/g, '\\$&')}"` : `'${word}'`;
}
