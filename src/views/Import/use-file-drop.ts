import { useEffect } from 'react';
import { importPostmortem, POSTMORTEM_FILE } from '../../state/import-postmortem';
import { useDashboardStore } from '../store-context';

/** A file dropped anywhere on the page: a postmortem becomes annotations. */
export function useFileDrop(enabled: boolean): void {
  const store = useDashboardStore();
  useEffect(() => {
    if (!enabled) return;
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      if (POSTMORTEM_FILE.test(file.name)) void importPostmortem(store, file);
      else {
        store.getState().setLastImport({
          file: file.name,
          imported: 0,
          problems: [{ line: 0, message: 'not a postmortem: drop a .md, .markdown or .txt file' }],
        });
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [store, enabled]);
}
