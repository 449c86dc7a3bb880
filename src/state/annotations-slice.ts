import type { StateCreator } from 'zustand/vanilla';
import type { Annotation } from '../core/protocol/protocol';
import { applyChanges, dropEndedBefore, type AnnotationChange } from './annotation-list';

/** What the last postmortem import read, and what it could not. */
export interface ImportReport {
  file: string;
  imported: number;
  /** the zone the document states its times in, when it says */
  tz?: string;
  problems: { line: number; message: string }[];
}

/**
 * most annotations held: a wall display running for weeks keeps the newest. The views read a
 * window of them (markers by binary search, the timeline virtualised), so thousands are fine.
 */
export const MAX_ANNOTATIONS = 10_000;

export interface AnnotationsSlice {
  /** by id, in time order (t, then id): views binary-search it, never sort it */
  annotations: readonly Annotation[];
  lastImport: ImportReport | undefined;
  /** ids of annotations made on this page (imports, the detector's): the gateway has no copy */
  localAnnotationIds: ReadonlySet<string>;
  upsertAnnotation: (annotation: Annotation) => void;
  /** applies a batch of upserts and removals in order, one re-render (the gateway's, per frame) */
  changeAnnotations: (changes: readonly AnnotationChange[]) => void;
  /** adds many at once made on this page (an import, alerts), one re-render */
  upsertLocalAnnotations: (annotations: Annotation[]) => void;
  removeAnnotation: (id: string) => void;
  removeAnnotations: (ids: readonly string[]) => void;
  /** forgets the annotations over before `cutoff` (a live page's window has moved past them) */
  forgetAnnotationsBefore: (cutoff: number) => void;
  /** forgets every annotation (another recording is opened) */
  clearAnnotations: () => void;
  setLastImport: (report: ImportReport | undefined) => void;
}

const change = (held: readonly Annotation[], changes: readonly AnnotationChange[]) =>
  applyChanges(held, changes, MAX_ANNOTATIONS);

export const createAnnotationsSlice: StateCreator<AnnotationsSlice> = (set) => ({
  annotations: [],
  lastImport: undefined,
  localAnnotationIds: new Set(),
  upsertAnnotation: (annotation) =>
    set((s) => ({ annotations: change(s.annotations, [{ upsert: annotation }]) })),
  changeAnnotations: (changes) => set((s) => ({ annotations: change(s.annotations, changes) })),
  upsertLocalAnnotations: (added) =>
    set((s) => {
      const annotations = change(
        s.annotations,
        added.map((a) => ({ upsert: a })),
      );
      if (annotations === s.annotations && added.every((a) => s.localAnnotationIds.has(a.id))) {
        return s;
      }
      const kept = new Set(annotations.map((a) => a.id));
      const local = [...s.localAnnotationIds, ...added.map((a) => a.id)].filter((id) =>
        kept.has(id),
      );
      return { annotations, localAnnotationIds: new Set(local) };
    }),
  removeAnnotation: (id) => set((s) => ({ annotations: change(s.annotations, [{ remove: id }]) })),
  removeAnnotations: (ids) =>
    set((s) => ({
      annotations: change(
        s.annotations,
        ids.map((id) => ({ remove: id })),
      ),
    })),
  forgetAnnotationsBefore: (cutoff) =>
    set((s) => {
      const annotations = dropEndedBefore(s.annotations, cutoff);
      if (annotations === s.annotations) return s;
      const kept = new Set(annotations.map((a) => a.id));
      const local = [...s.localAnnotationIds].filter((id) => kept.has(id));
      return { annotations, localAnnotationIds: new Set(local) };
    }),
  clearAnnotations: () => set({ annotations: [], localAnnotationIds: new Set() }),
  setLastImport: (lastImport) => set({ lastImport }),
});
