/**
 * `skewboard annotations import <postmortem.md> [--tz ZONE] [--date YYYY-MM-DD]` (CONTRACT
 * section 3): the postmortem's timeline as `{"type":"annotation",...}` recording lines on
 * stdout. Every entry it cannot read is named on stderr as `<file>:<line>: <message>`, exit 2;
 * the entries it could read are still printed.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { recordingLine } from '../../core/recording/recording';
import { MAX_POSTMORTEM_CHARS, parsePostmortemTimeline } from '../../core/timeline/parse-timeline';
import { readIsoDate } from '../../core/timeline/read-date';
import { defineCommand } from '../command-line/command';
import { UsageError } from '../command-line/usage-error';
import { checkedZone } from '../command-line/zone-flag';

function checkedFlags(options: { tz?: string; date?: string }): { tz?: string; date?: string } {
  const { date, tz } = options;
  if (date !== undefined && !readIsoDate(date)) {
    throw new UsageError(`--date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  checkedZone(tz);
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

export const annotationsImportCommand = defineCommand(
  {
    name: 'annotations import',
    summary: "prints a postmortem's timeline as annotation lines of a recording",
    operands: [{ name: '<postmortem.md>', about: 'postmortem file' }],
    options: {
      tz: {
        type: 'string',
        placeholder: 'ZONE',
        help: 'the zone of times written without one: an IANA name or +HH:MM',
      },
      date: {
        type: 'string',
        placeholder: 'YYYY-MM-DD',
        help: 'the day of times written without a date',
      },
    },
    notes: ['exit 2 naming the line of each entry whose time it cannot read'],
  },
  async (options, [file]) => importTimeline(file!, options),
);

async function importTimeline(file: string, options: { tz?: string; date?: string }) {
  const fallbacks = checkedFlags(options);
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
