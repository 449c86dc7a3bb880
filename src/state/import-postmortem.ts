/**
 * A postmortem dropped on the page or picked from disk becomes annotations on this page,
 * read by the same parser as `skewboard annotations import`, in a worker: the page goes on
 * drawing while a document is read, and a read that takes too long is stopped, not waited on.
 */
import { MAX_POSTMORTEM_CHARS, type TimelineParse } from '../core/timeline/parse-timeline';
import type { DashboardStore } from './store';

export const POSTMORTEM_FILE = /\.(md|markdown|txt)$/i;

/** a linear parser reads the largest document it takes in well under a second */
export const IMPORT_DEADLINE_MS = 15_000;

export interface ToPostmortemWorker {
  markdown: string;
  source: string;
}

export type FromPostmortemWorker =
  { kind: 'parsed'; parse: TimelineParse } | { kind: 'failed'; message: string };

function parseInWorker(markdown: string, source: string): Promise<TimelineParse> {
  const worker = new Worker(new URL('./postmortem-worker.ts', import.meta.url), {
    type: 'module',
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<TimelineParse>((resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`reading it took over ${IMPORT_DEADLINE_MS / 1000} s and was stopped`)),
      IMPORT_DEADLINE_MS,
    );
    worker.onmessage = (event: MessageEvent<FromPostmortemWorker>) => {
      const answer = event.data;
      if (answer.kind === 'parsed') resolve(answer.parse);
      else reject(new Error(answer.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the reader failed'));
    const message: ToPostmortemWorker = { markdown, source };
    worker.postMessage(message);
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}

export async function importPostmortem(store: DashboardStore, file: File): Promise<void> {
  const report = (problem: string) =>
    store
      .getState()
      .setLastImport({ file: file.name, imported: 0, problems: [{ line: 0, message: problem }] });
  let parse: TimelineParse;
  try {
    // the parser reads the first 1 MiB of characters (and names the rest): at most 4 bytes each
    const markdown = await file.slice(0, MAX_POSTMORTEM_CHARS * 4).text();
    parse = await parseInWorker(markdown, `import:${file.name}`);
  } catch (err) {
    return report(`nothing imported: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { annotations, errors, tz } = parse;
  const state = store.getState();
  state.upsertLocalAnnotations(annotations);
  state.setLastImport({
    file: file.name,
    imported: annotations.length,
    ...(tz !== undefined && { tz }),
    problems: errors.map((e) => ({ line: e.line, message: e.message })),
  });
}
