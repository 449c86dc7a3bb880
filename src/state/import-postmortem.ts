/**
 * A postmortem dropped on the page or picked from disk becomes annotations on this page,
 * read by the same parser as `skewboard annotations import`.
 */
import { parsePostmortemTimeline } from '../core/timeline/parse-timeline';
import type { DashboardStore } from './store';

export const POSTMORTEM_FILE = /\.(md|markdown|txt)$/i;

export async function importPostmortem(store: DashboardStore, file: File): Promise<void> {
  const text = await file.text();
  const { annotations, errors, tz } = parsePostmortemTimeline(text, {
    source: `import:${file.name}`,
  });
  const state = store.getState();
  state.upsertLocalAnnotations(annotations);
  state.setLastImport({
    file: file.name,
    imported: annotations.length,
    ...(tz !== undefined && { tz }),
    problems: errors.map((e) => ({ line: e.line, message: e.message })),
  });
}
