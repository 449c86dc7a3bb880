/** The plain table test-lb prints beside its alert lines: each profile's shares, one row each. */
import { percent } from '../detector/message';
import type { BalancedBackend } from '../lb-config/balanced-backend';
import type { ProfileVerdict } from './share-verdict';

export function verdictTable(
  backend: BalancedBackend,
  verdicts: readonly ProfileVerdict[],
  expectedBy: string,
): string {
  const names = backend.servers.map((s) => s.name);
  const expected = verdicts[0]?.expectedShares ?? [];
  const rows: string[][] = [
    ['profile', ...names, 'verdict'],
    [`expected (${expectedBy})`, ...expected.map((x) => percent([x])), ''],
    ...verdicts.map((v) => [
      v.profile.label.replace(/^with /, ''),
      ...v.shares.map((x) => percent([x])),
      v.alert ? `SKEWED: ${v.alert.servers.join(', ')}` : 'holds',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const at = backend.balancing.line === null ? '' : ` (line ${backend.balancing.line})`;
  const title = `${backend.kind} ${backend.kind === 'nginx' ? 'upstream' : 'backend'} ${backend.name}, ${backend.balancing.setting}${at}`;
  const lines = rows.map((r) =>
    r
      .map((cell, c) =>
        c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
      )
      .join('  ')
      .trimEnd(),
  );
  return [title, ...lines].join('\n');
}
