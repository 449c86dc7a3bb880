/**
 * `skewboard annotations import <postmortem.md> [--tz ZONE] [--date YYYY-MM-DD]` (CONTRACT
 * section 3): the postmortem's timeline as `{"type":"annotation",...}` recording lines on
 * stdout. Every entry it cannot read is named on stderr as `<file>:<line>: <message>`, exit 2;
 * the entries it could read are still printed.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { recordingLine } from '../../core/recording';
import { MAX_POSTMORTEM_CHARS, parsePostmortemTimeline } from '../../core/timeline/parse-timeline';
import { readIsoDate } from '../../core/timeline/read-date';
import { readZoneName } from '../../core/timeline/zones';
import { parseArgs, UsageError } from '../args';

export const ANNOTATIONS_USAGE =
  'skewboard annotations import <postmortem.md> [--tz ZONE] [--date YYYY-MM-DD]';
const FLAGS = ['tz', 'date'];

function checkedFlags(flags: Map<string, string>): { tz?: string; date?: string } {
  const date = flags.get('date');
  if (date !== undefined && !readIsoDate(date)) {
    throw new UsageError(`--date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  const tz = flags.get('tz');
  const zone = tz === undefined ? undefined : readZoneName(tz);
  if (tz !== undefined && (!zone || 'error' in zone)) {
    const why = zone && 'error' in zone ? zone.error : `unknown time zone ${JSON.stringify(tz)}`;
    throw new UsageError(`--tz: ${why} (an IANA name such as America/New_York, or +HH:MM)`);
  }
  return { ...(date !== undefined && { date }), ...(tz !== undefined && { tz }) };
}

/** The file's text, as much of it as the parser reads (1 Mi characters are at most 4 MiB). */
async function readText(file: string): Promise<string | undefined> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_POSTMORTEM_CHARS * 4);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
        filled += bytesRead;
        if (bytesRead === 0 || filled === buffer.length) break;
      }
      return buffer.subarray(0, filled).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    console.error(`skewboard: ${file}: ${why}`);
    return undefined;
  }
}

/** Runs `annotations <subcommand>`; resolves to the exit code. */
export async function annotationsImport(argv: readonly string[]): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand !== 'import') {
    throw new UsageError(
      subcommand === undefined
        ? 'annotations needs a subcommand: import'
        : `unknown annotations subcommand ${JSON.stringify(subcommand)}`,
    );
  }
  const args = parseArgs(rest, FLAGS);
  if (args.positional.length !== 1) {
    throw new UsageError('annotations import takes exactly one postmortem file');
  }
  const file = args.positional[0]!;
  const fallbacks = checkedFlags(args.flags);
  const markdown = await readText(file);
  if (markdown === undefined) return 2;

  const parsed = parsePostmortemTimeline(markdown, {
    ...fallbacks,
    source: `postmortem:${basename(file)}`,
  });
  process.stdout.write(parsed.annotations.map((a) => recordingLine('annotation', a)).join(''));
  for (const error of parsed.errors) {
    console.error(`skewboard: ${file}:${error.line}: ${error.message}`);
  }
  if (parsed.annotations.length === 0 && parsed.errors.length === 0) {
    console.error(
      `skewboard: ${file}: no timeline entries found (a "Timeline" heading with lines that start with a time)`,
    );
    return 2;
  }
  return parsed.errors.length > 0 ? 2 : 0;
}
