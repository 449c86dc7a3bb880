/**
 * `--record FILE`: appends every payload the gateway sends to one recording (CONTRACT section 2),
 * and, when the file already holds one, restores the buffer, the annotations and the frame
 * numbering from it, so clients resume across a gateway restart without losing a frame.
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
import { parseRecording, recordingLine, RecordingError } from '../../core/recording';
import { createRestore } from '../../core/recording-restore';
import { RecordingFileError } from '../read-recording';
import { appendWholeLine, RecordingTrouble } from './append-line';
import type { Recorder } from './recorder';

export function openFileRecorder(
  path: string,
  keepFrames: number,
  warn: (message: string) => void,
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
  const fd = openSync(path, 'a');
  let goodBytes = fstatSync(fd).size;
  const trouble = new RecordingTrouble(warn, Date.now);
  return {
    write: (type, payload) => {
      if (trouble.skip()) return;
      try {
        goodBytes = appendWholeLine(fd, recordingLine(type, payload), goodBytes);
        trouble.succeeded(path);
      } catch (err) {
        // the file is cut back to its last whole line; the next try appends after it
        trouble.failed(path, err);
      }
    },
    // the file goes on from where it stopped: the source's own hello starts each run
    useHeader: () => {},
    close: async () => closeSync(fd),
    restored: restore.result(),
  };
}
