import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../core/protocol/protocol';
import { openNoteStore } from './note-store';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const notesFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'skewboard-notes-'));
  dirs.push(dir);
  return join(dir, 'annotations.ndjson');
};
const note = (id: string, text: string): Annotation => ({
  v: 1,
  id,
  t: Date.UTC(2024, 4, 15, 10),
  title: 'a note',
  text,
  kind: 'note',
});
const warnings: string[] = [];
const warn = (m: string) => warnings.push(m);

describe('the notes file', () => {
  it('keeps every note and removal across a restart', () => {
    const path = notesFile();
    const store = openNoteStore(path, warn);
    store.upsert(note('a', 'first'));
    store.upsert(note('b', 'second'));
    store.upsert(note('a', 'edited'));
    store.remove('b');
    const again = openNoteStore(path, warn);
    expect([...again.notes.values()]).toEqual([note('a', 'edited')]);
  });

  it('does not grow without bound when one note is edited again and again', () => {
    const path = notesFile();
    const store = openNoteStore(path, warn);
    const text = 'x'.repeat(5000);
    for (let i = 0; i < 2000; i++) store.upsert(note('busy', `${i} ${text}`));
    // 2,000 edits of 5 KB wrote 10 MB of lines; the file holds about one note's worth
    expect(statSync(path).size).toBeLessThan(2 * 1024 * 1024);
    expect(openNoteStore(path, warn).notes.get('busy')?.text).toBe(`1999 ${text}`);
  });

  it('skips a torn line, warning, and keeps the rest', () => {
    const path = notesFile();
    const good = JSON.stringify({ type: 'annotation', ...note('a', 'kept') });
    writeFileSync(path, `${good}\n{"type":"annotation","v":1,"id":"torn\n`);
    warnings.length = 0;
    const store = openNoteStore(path, warn);
    expect([...store.notes.keys()]).toEqual(['a']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('that line was skipped');
  });
});
