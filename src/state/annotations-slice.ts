import type { StateCreator } from 'zustand/vanilla';
import type { Annotation } from '../core/protocol';

export interface AnnotationsSlice {
  /** by id, in time order */
  annotations: Annotation[];
  upsertAnnotation: (annotation: Annotation) => void;
  removeAnnotation: (id: string) => void;
}

const byTime = (a: Annotation, b: Annotation) => a.t - b.t || a.id.localeCompare(b.id);

export const createAnnotationsSlice: StateCreator<AnnotationsSlice> = (set) => ({
  annotations: [],
  upsertAnnotation: (annotation) =>
    set((s) => ({
      annotations: [...s.annotations.filter((a) => a.id !== annotation.id), annotation].sort(
        byTime,
      ),
    })),
  removeAnnotation: (id) => set((s) => ({ annotations: s.annotations.filter((a) => a.id !== id) })),
});
