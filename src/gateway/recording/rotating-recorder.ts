/**
 * The default recording: every payload the gateway sends, appended to files in a folder
 * (`<data>/recordings`), a new file when one gets too big or too old, each starting with the
 * current hello and the annotations held so it loads on its own, the oldest deleted when the
 * folder is over its cap. On start it restores from the newest files, as `--record FILE` does.
 * A write that fails (a full disk, the folder gone) costs the recording, never the dashboard.
 */
import { closeSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { recordingFileName } from '../../core/recording/recording-file-name';
import { recordingLine } from '../../core/recording/recording';
import {
  filesOverCap,
  rotationDue,
  type FolderFile,
  type RotationLimits,
} from '../../core/recording/recording-rotation';
import { appendWholeLine, closeQuietly, RecordingTrouble, wasDeleted } from './append-line';
import { listRecordings, restoreFromFolder } from './recording-folder';
import { headerLines, type Recorder, type RecordingHeader } from './recorder';
import type { RecordedPayload } from '../../core/recording/recording';

export interface RotatingRecorderOptions {
  dir: string;
  limits: RotationLimits;
  /** frames restored for clients that resume */
  keepFrames: number;
  warn: (message: string) => void;
  /** the wall clock; tests move it */
  now?: () => number;
}

interface OpenFile {
  fd: number;
  /** its line in the folder's list, whose size grows with every write */
  entry: FolderFile;
  /** bytes of the header it starts with */
  headerBytes: number;
  frames: number;
  openedAt: number;
}

export function openRotatingRecorder(opts: RotatingRecorderOptions): Recorder {
  const { dir, limits, warn } = opts;
  const now = opts.now ?? Date.now;
  mkdirSync(dir, { recursive: true });
  const restored = restoreFromFolder(dir, opts.keepFrames, warn);
  const files: FolderFile[] = listRecordings(dir);
  let header: (() => RecordingHeader) | undefined;
  let lastHello: RecordingHeader['hello'] | undefined;
  let current: OpenFile | undefined;

  const append = (file: OpenFile, line: string) => {
    file.entry.bytes = appendWholeLine(file.fd, line, file.entry.bytes);
  };
  const trouble = new RecordingTrouble(warn, now);

  // the file being opened or written, for a warning
  let target = dir;
  const open = (): OpenFile => {
    // names must sort in the order the files were started, even if the clock steps back
    const newest = files.at(-1)?.startedAt ?? -Infinity;
    const startedAt = Math.max(now(), newest + 1);
    const entry: FolderFile = { name: recordingFileName(startedAt), bytes: 0, startedAt };
    const path = join(dir, entry.name);
    target = path;
    // the folder may have been removed while the gateway ran
    mkdirSync(dir, { recursive: true });
    const file: OpenFile = {
      fd: openSync(path, 'a'),
      entry,
      headerBytes: 0,
      frames: 0,
      openedAt: now(),
    };
    try {
      const head = header?.() ?? (lastHello && { hello: lastHello, annotations: [] });
      if (head) for (const line of headerLines(head)) append(file, line);
      file.headerBytes = entry.bytes;
    } catch (err) {
      // a file without its header is no use: a full disk, tried every 30 s, would leave one each time
      closeQuietly(file.fd);
      try {
        unlinkSync(path);
      } catch {
        // left empty, which a restart skips
      }
      throw err;
    }
    files.push(entry);
    return file;
  };

  /** The path of the open file if it was deleted (its folder removed, say), after letting it go. */
  const dropDeleted = (): string | undefined => {
    if (!current || !wasDeleted(current.fd)) return undefined;
    const path = join(dir, current.entry.name);
    closeQuietly(current.fd);
    const at = files.indexOf(current.entry);
    if (at >= 0) files.splice(at, 1);
    current = undefined;
    return path;
  };

  const enforceCap = () => {
    for (const name of filesOverCap(files, current?.entry.name, limits.totalBytes)) {
      try {
        unlinkSync(join(dir, name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
          warn(`cannot delete the old recording ${join(dir, name)}: ${(err as Error).message}`);
      }
      // forgotten even when it could not be deleted: asking again on every write would flood
      files.splice(
        files.findIndex((f) => f.name === name),
        1,
      );
    }
  };

  const writeLine = (type: RecordedPayload['type'], line: string) => {
    // only a frame starts a new file, so hellos and notes stay with the frames they precede
    if (current && type === 'frame') {
      const file = { ...current, bytes: current.entry.bytes };
      if (rotationDue(file, Buffer.byteLength(line), now(), limits)) {
        const { fd } = current;
        current = undefined;
        closeSync(fd);
      }
    }
    let opened = false;
    if (!current) {
      current = open();
      opened = true;
    }
    // a new file's header already holds the current hello
    if (!(opened && type === 'hello')) append(current, line);
    if (type === 'frame') current.frames++;
    enforceCap();
  };

  enforceCap();
  return {
    write(type, payload) {
      if (type === 'hello') lastHello = payload as RecordingHeader['hello'];
      if (trouble.skip()) return;
      try {
        const deleted = dropDeleted();
        writeLine(type, recordingLine(type, payload));
        const path = join(dir, current!.entry.name);
        if (deleted) {
          warn(
            `the recording ${deleted} was deleted while it was being written (what it held is ` +
              `lost); recording goes on in ${path}`,
          );
        }
        trouble.succeeded(path);
      } catch (err) {
        // a full disk, a folder gone: the file so far stays whole, the next try starts a new one
        const path = current ? join(dir, current.entry.name) : target;
        if (current) closeQuietly(current.fd);
        current = undefined;
        trouble.failed(path, err);
      }
    },
    useHeader(h) {
      header = h;
    },
    close: async () => {
      if (current) closeSync(current.fd);
      current = undefined;
    },
    restored,
  };
}
