/**
 * Where the notes people add from the page are kept: an append-only NDJSON file of
 * `annotation` and `annotation:remove` lines (CONTRACT section 2's line format), replayed on
 * start so a gateway restart keeps every note. It is compacted then, and again whenever the
 * lines appended outgrow the notes they describe, so edits of one note cannot grow it forever.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Annotation } from '../core/protocol/protocol';
import { parseRecordingLine, recordingLine, RecordingError } from '../core/recording/recording';

export interface NoteStore {
  readonly notes: ReadonlyMap<string, Annotation>;
  upsert(note: Annotation): void;
  remove(id: string): void;
}

export function openNoteStore(path: string, warn: (m: string) => void): NoteStore {
  mkdirSync(dirname(path), { recursive: true });
  const notes = new Map<string, Annotation>();
  if (existsSync(path)) {
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const parsed = parseRecordingLine(line, i + 1);
        if (parsed.type === 'annotation') notes.set(parsed.payload.id, parsed.payload);
        else if (parsed.type === 'annotation:remove') notes.delete(parsed.payload.id);
      } catch (err) {
        // one bad line (a torn write) costs that note, never the others
        if (err instanceof RecordingError) warn(`${path}: ${err.message}; that line was skipped`);
        else throw err;
      }
    });
  }
  let fd = -1;
  let written = 0;
  let held = 0;
  const compact = () => {
    const compacted = [...notes.values()].map((n) => recordingLine('annotation', n)).join('');
    writeFileSync(`${path}.tmp`, compacted);
    renameSync(`${path}.tmp`, path);
    if (fd >= 0) closeSync(fd);
    fd = openSync(path, 'a');
    held = written = Buffer.byteLength(compacted);
  };
  if (existsSync(path)) compact();
  else fd = openSync(path, 'a');
  const append = (line: string) => {
    writeSync(fd, line);
    written += Buffer.byteLength(line);
    if (written > Math.max(COMPACT_FLOOR_BYTES, 2 * held)) compact();
  };
  return {
    notes,
    upsert(note) {
      notes.set(note.id, note);
      append(recordingLine('annotation', note));
    },
    remove(id) {
      notes.delete(id);
      append(recordingLine('annotation:remove', { v: 1, id }));
    },
  };
}

/** below this the file is left to grow: compaction rewrites every note held */
const COMPACT_FLOOR_BYTES = 1024 * 1024;
