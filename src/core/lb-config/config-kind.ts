/** Which load balancer a configuration is for, from how it is written. */
import { haproxyLines } from './haproxy-words';
import { SECTION_KEYWORDS } from './haproxy-config';

export type LbKind = 'haproxy' | 'nginx';

/** nginx nests in braces; HAProxy opens sections with a bare keyword. null: neither is clear. */
export function configKind(text: string): LbKind | null {
  const lines = haproxyLines(text);
  const braces = lines.some(
    (l) =>
      l.words.at(-1)?.endsWith('{') && /^(http|events|upstream|server|stream)$/.test(l.words[0]!),
  );
  // `listen` opens a section in HAProxy and is a directive in nginx: braces decide first
  if (braces) return 'nginx';
  if (lines.some((l) => SECTION_KEYWORDS.has(l.words[0]!))) return 'haproxy';
  return null;
}
