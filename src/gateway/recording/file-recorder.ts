/**
 * `--record FILE`: appends every payload the gateway sends to one recording (CONTRACT section 2),
 * and, when the file already holds one, restores the buffer, the annotations and the frame
 * numbering from it, so clients resume across a gateway restart without losing a frame.
 * A write that fails once it runs (a full disk, the file deleted) costs the recording, never
 * the dashboard.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { parseRecording, recordingLine, RecordingError } from '../../core/recording/recording';
import { createRestore } from '../../core/recording/recording-restore';
import { RecordingFileError } from '../read-recording';
import { appendWholeLine, closeQuietly, RecordingTrouble, wasDeleted } from './append-line';
import { headerLines, type Recorder, type RecordingHeader } from './recorder';

export function openFileRecorder(
  path: string,
  keepFrames: number,
  warn: (message: string) => void,
  /** the wall clock; tests move it */
  now: () => number = Date.now,
): Recorder {
  mkdirSync(dirname(path), { recursive: true });
  const restore = createRestore(keepFrames);
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    let parsed;
    try {
      parsed = parseRecording(text);
    } catch (err) {
      if (err instanceof RecordingError) throw new RecordingFileError(path, err.line, err.problem);
      throw err;
    }
    if (parsed.warning) {
      warn(`${path}: ${parsed.warning}`);
      // appending after a torn line would bury it mid-file; cut it off first
      truncateSync(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    }
    for (const payload of parsed.payloads) restore.add(payload);
  }
  let fd: number | undefined = openSync(path, 'a');
  let goodBytes = fstatSync(fd).size;
  let header: (() => RecordingHeader) | undefined;
  const trouble = new RecordingTrouble(warn, now);

  /** The file again where it was deleted, starting with the hub's hello so it loads on its own. */
  const reopen = (): number => {
    mkdirSync(dirname(path), { recursive: true });
    const opened = openSync(path, 'a');
    try {
      goodBytes = fstatSync(opened).size;
      const head = header?.();
      if (head && goodBytes === 0) {
        for (const line of headerLines(head)) goodBytes = appendWholeLine(opened, line, goodBytes);
      }
    } catch (err) {
      closeQuietly(opened);
      throw err;
    }
    return opened;
  };

  return {
    write: (type, payload) => {
      if (trouble.skip()) return;
      try {
        let deleted = false;
        if (fd !== undefined && wasDeleted(fd)) {
          closeQuietly(fd);
          fd = undefined;
          deleted = true;
        }
        fd ??= reopen();
        goodBytes = appendWholeLine(fd, recordingLine(type, payload), goodBytes);
        if (deleted) {
          warn(
            `the recording ${path} was deleted while it was being written (what it held is ` +
              `lost); it starts again from here`,
          );
        }
        trouble.succeeded(path);
      } catch (err) {
        // the file is cut back to its last whole line; the next try appends after it
        trouble.failed(path, err);
      }
    },
    // the file goes on from where it stopped: the source's own hello starts each run, and the
    // header only a file made again after it was deleted
    useHeader: (h) => {
      header = h;
    },
    close: async () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
    restored: restore.result(),
  };
}
