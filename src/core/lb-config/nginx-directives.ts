/**
 * nginx's configuration as a tree of directives (name, arguments, block), each with its line.
 * A scanner over the characters, as nginx's own ngx_conf_read_token is: blanks separate,
 * quotes and backslashes protect, `#` starts a comment, `;` ends a directive, `{ }` a block.
 */
import { LbConfigError } from './lb-config-error';

export interface NginxDirective {
  name: string;
  args: string[];
  line: number;
  /** the directives inside `{ }`, for a block directive */
  block?: NginxDirective[];
}

type Token = { text: string; line: number; special: boolean };

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ';' || c === '{' || c === '}') {
      out.push({ text: c, line, special: true });
      i++;
    } else {
      const start = line;
      let word = '';
      let quote: string | null = null;
      if (c === '"' || c === "'") quote = text[i++]!;
      while (i < text.length) {
        const d = text[i]!;
        if (quote !== null ? d === quote : ' \t\r\n;{}'.includes(d)) break;
        if (d === '\\' && i + 1 < text.length) {
          word += text[i + 1];
          i += 2;
          continue;
        }
        if (d === '\n') line++;
        word += d;
        i++;
      }
      if (quote !== null) {
        if (i >= text.length) throw new LbConfigError(start, `a quoted string is never closed`);
        i++;
      }
      out.push({ text: word, line: start, special: false });
    }
  }
  return out;
}

/** The whole file's directives; throws LbConfigError at a brace or `;` out of place. */
export function parseNginx(text: string): NginxDirective[] {
  const all = tokens(text);
  let at = 0;
  const block = (depth: number, openLine: number): NginxDirective[] => {
    const list: NginxDirective[] = [];
    let words: Token[] = [];
    while (at < all.length) {
      const t = all[at++]!;
      if (!t.special) {
        words.push(t);
        continue;
      }
      if (t.text === '}') {
        if (words.length > 0)
          throw new LbConfigError(
            t.line,
            `unexpected "}" after "${words[0]!.text}": a ";" is missing`,
          );
        if (depth === 0) throw new LbConfigError(t.line, 'unexpected "}"');
        return list;
      }
      const [name, ...args] = words;
      if (!name) throw new LbConfigError(t.line, `unexpected "${t.text}"`);
      const directive: NginxDirective = {
        name: name.text,
        args: args.map((a) => a.text),
        line: name.line,
      };
      if (t.text === '{') directive.block = block(depth + 1, name.line);
      list.push(directive);
      words = [];
    }
    if (words.length > 0)
      throw new LbConfigError(words[0]!.line, `"${words[0]!.text}" is not ended by ";"`);
    if (depth > 0)
      throw new LbConfigError(openLine, 'this block is never closed: a "}" is missing');
    return list;
  };
  return block(0, 0);
}

/** A word written back so nginx reads it as the same word. */
export function quoteNginx(word: string): string {
  if (word !== '' && /^[^\s"'\\;{}#]+$/.test(word)) return word;
  return `"${word.replace(/["\\]/g, '\\$&')}"`;
}
