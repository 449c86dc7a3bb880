/**
 * The recording folder on disk: which files are recordings, and what a restarted gateway
 * carries on with from the newest of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { recordingFileTime } from '../../core/recording/recording-file-name';
import {
  parseRecording,
  parseRecordingLine,
  RecordingError,
  type ParsedRecording,
} from '../../core/recording/recording';
import {
  createRestore,
  type RestoredRun,
  type RestoreItem,
} from '../../core/recording/recording-restore';
import type { FolderFile } from '../../core/recording/recording-rotation';
import { RecordingFileError } from '../read-recording';

/** The recordings in `dir` (files named by recordingFileName), oldest first; none when no folder. */
export function listRecordings(dir: string): FolderFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: FolderFile[] = [];
  for (const name of names) {
    const startedAt = recordingFileTime(name);
    if (startedAt === undefined) continue;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) files.push({ name, bytes: stat.size, startedAt });
  }
  return files.sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Restores from the newest recordings as `--record FILE` does from its one file: walks back
 * from the newest file to the one where the current run (gateway id and source) began. Files
 * are parsed in full until they hold `keepFrames` frames; older ones are only counted, so a
 * restart does not parse a whole folder to learn how far the source had played.
 */
export function restoreFromFolder(
  dir: string,
  keepFrames: number,
  warn: (message: string) => void,
): RestoredRun {
  const newestFirst: RestoreItem[][] = [];
  let parsedFrames = 0;
  let run: string | undefined;
  for (const file of listRecordings(dir).reverse()) {
    const path = join(dir, file.name);
    const text = readFileSync(path, 'utf8');
    let items: RestoreItem[];
    if (parsedFrames < keepFrames) {
      const parsed = parseFile(text, path);
      if (parsed.warning) warn(`${path}: ${parsed.warning}`);
      items = parsed.payloads;
      parsedFrames += items.filter((p) => p.type === 'frame').length;
    } else {
      items = countFrames(text, path);
    }
    // a gateway stopped before it wrote a line leaves an empty file
    if (items.length === 0) continue;
    newestFirst.push(items);
    const keys = items.flatMap((p) => (p.type === 'hello' ? [runKey(p.payload)] : []));
    run ??= keys.at(-1);
    // the run began in this file: older files belong to other runs
    if (keys.some((k) => k !== run)) break;
  }
  const restore = createRestore(keepFrames);
  for (const items of newestFirst.reverse()) for (const item of items) restore.add(item);
  return restore.result();
}

const runKey = (h: { gatewayId?: string | undefined; source: string }) =>
  JSON.stringify([h.gatewayId ?? null, h.source]);

function parseFile(text: string, path: string): ParsedRecording {
  try {
    return parseRecording(text);
  } catch (err) {
    if (err instanceof RecordingError) throw new RecordingFileError(path, err.line, err.problem);
    throw err;
  }
}

// the recorder writes `{"type":...` first on every line, so a prefix tells the kind of a line
const FRAME = '{"type":"frame"';
const HELLO = '{"type":"hello"';

/** The hellos of a file, parsed, and its frames, only counted; a torn last line is skipped. */
function countFrames(text: string, path: string): RestoreItem[] {
  const items: RestoreItem[] = [];
  let count = 0;
  let line = 0;
  for (
    let start = 0, end = text.indexOf('\n');
    end >= 0;
    start = end + 1, end = text.indexOf('\n', start)
  ) {
    line++;
    if (text.startsWith(FRAME, start)) {
      count++;
    } else if (text.startsWith(HELLO, start)) {
      if (count > 0) items.push({ type: 'counted-frames', count });
      count = 0;
      try {
        items.push(parseRecordingLine(text.slice(start, end), line));
      } catch (err) {
        if (err instanceof RecordingError)
          throw new RecordingFileError(path, err.line, err.problem);
        throw err;
      }
    }
  }
  if (count > 0) items.push({ type: 'counted-frames', count });
  return items;
}
