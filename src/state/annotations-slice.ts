import type { StateCreator } from 'zustand/vanilla';
import type { Annotation } from '../core/protocol';

/** What the last postmortem import read, and what it could not. */
export interface ImportReport {
  file: string;
  imported: number;
  /** the zone the document states its times in, when it says */
  tz?: string;
  problems: { line: number; message: string }[];
}

/** most annotations held: a wall display running for weeks keeps the newest */
export const MAX_ANNOTATIONS = 2000;

export interface AnnotationsSlice {
  /** by id, in time order */
  annotations: Annotation[];
  lastImport: ImportReport | undefined;
  /** ids of annotations made on this page (imports, the detector's): the gateway has no copy */
  localAnnotationIds: ReadonlySet<string>;
  upsertAnnotation: (annotation: Annotation) => void;
  /** adds many at once made on this page (an import, alerts), one re-render */
  upsertLocalAnnotations: (annotations: Annotation[]) => void;
  removeAnnotation: (id: string) => void;
  /** forgets every annotation (another recording is opened) */
  clearAnnotations: () => void;
  setLastImport: (report: ImportReport | undefined) => void;
}

const byTime = (a: Annotation, b: Annotation) => a.t - b.t || a.id.localeCompare(b.id);

function merge(held: Annotation[], added: Annotation[]): Annotation[] {
  const ids = new Set(added.map((a) => a.id));
  return [...held.filter((a) => !ids.has(a.id)), ...added].sort(byTime).slice(-MAX_ANNOTATIONS);
}

export const createAnnotationsSlice: StateCreator<AnnotationsSlice> = (set) => ({
  annotations: [],
  lastImport: undefined,
  localAnnotationIds: new Set(),
  upsertAnnotation: (annotation) =>
    set((s) => ({ annotations: merge(s.annotations, [annotation]) })),
  upsertLocalAnnotations: (added) =>
    set((s) => {
      const annotations = merge(s.annotations, added);
      const kept = new Set(annotations.map((a) => a.id));
      const local = [...s.localAnnotationIds, ...added.map((a) => a.id)].filter((id) =>
        kept.has(id),
      );
      return { annotations, localAnnotationIds: new Set(local) };
    }),
  removeAnnotation: (id) => set((s) => ({ annotations: s.annotations.filter((a) => a.id !== id) })),
  clearAnnotations: () => set({ annotations: [], localAnnotationIds: new Set() }),
  setLastImport: (lastImport) => set({ lastImport }),
});
