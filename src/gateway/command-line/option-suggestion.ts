/**
 * The option a mistyped one most likely meant: `-p` for `--port` (the only option starting
 * with p, or the one of them `preferred` names), `--prot` for `--port` (two letters off).
 * Undefined when there is no single guess.
 */
export function suggestOption(
  rawName: string,
  names: readonly string[],
  preferred: readonly string[] = [],
): string | undefined {
  const typed = rawName.replace(/^-{1,2}/, '');
  if (typed.length === 0 || typed.length > 64) return undefined;
  const near = rawName.startsWith('--')
    ? names.filter((name) => editDistance(typed, name) <= 2)
    : names.filter((name) => name.startsWith(typed));
  if (near.length === 1) return `--${near[0]}`;
  const liked = near.filter((name) => preferred.includes(name));
  return liked.length === 1 ? `--${liked[0]}` : undefined;
}

/** Levenshtein distance, one row at a time (names are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, replace));
    }
    previous = row;
  }
  return previous[b.length]!;
}
