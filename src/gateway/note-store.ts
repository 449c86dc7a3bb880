/**
 * Where the notes people add from the page are kept: an append-only NDJSON file of
 * `annotation` and `annotation:remove` lines (CONTRACT section 2's line format), replayed on
 * start so a gateway restart keeps every note, and compacted then so it does not grow forever.
 */
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Annotation } from '../core/protocol';
import { parseRecordingLine, recordingLine, RecordingError } from '../core/recording';

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
    const compacted = [...notes.values()].map((n) => recordingLine('annotation', n)).join('');
    writeFileSync(`${path}.tmp`, compacted);
    renameSync(`${path}.tmp`, path);
  }
  const fd = openSync(path, 'a');
  return {
    notes,
    upsert(note) {
      notes.set(note.id, note);
      writeSync(fd, recordingLine('annotation', note));
    },
    remove(id) {
      notes.delete(id);
      writeSync(fd, recordingLine('annotation:remove', { v: 1, id }));
    },
  };
}
