import type { StateCreator } from 'zustand/vanilla';
import type { AnnotateRequest, Annotation, WriteAck } from '../core/protocol/protocol';

/** Sends notes to the gateway; set by the gateway client once it is connected. */
export interface NoteWriter {
  add: (note: AnnotateRequest) => Promise<WriteAck>;
  update: (note: Annotation) => Promise<WriteAck>;
  remove: (id: string) => Promise<WriteAck>;
}

export interface NotesSlice {
  noteWriter: NoteWriter | undefined;
  /** the note being written or edited: a new one at a time, or an existing one */
  noteDraft: { t: number; endT?: number; editing?: Annotation } | undefined;
  setNoteWriter: (writer: NoteWriter | undefined) => void;
  openNoteDraft: (draft: NotesSlice['noteDraft']) => void;
}

export const createNotesSlice: StateCreator<NotesSlice> = (set) => ({
  noteWriter: undefined,
  noteDraft: undefined,
  setNoteWriter: (noteWriter) => set({ noteWriter }),
  openNoteDraft: (noteDraft) => set({ noteDraft }),
});
