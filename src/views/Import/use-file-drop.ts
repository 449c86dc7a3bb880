import { useEffect } from 'react';
import { importPostmortem, POSTMORTEM_FILE } from '../../state/import-postmortem';
import { openRecording, RECORDING_FILE } from '../../state/open-recording';
import { useReplayControlsHolder } from '../replay-controls-context';
import { useDashboardStore } from '../store-context';

/** A file dropped anywhere on the page: a postmortem becomes annotations, a recording opens. */
export function useFileDrop(enabled: boolean): void {
  const store = useDashboardStore();
  const controls = useReplayControlsHolder();
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
      else if (RECORDING_FILE.test(file.name)) {
        const leaveLive = () => store.getState().stopLiveFeed?.();
        void openRecording(store, controls, { file }, { leaveLive });
      } else {
        store.getState().setLastImport({
          file: file.name,
          imported: 0,
          problems: [
            { line: 0, message: 'drop a postmortem (.md) or a recording (.ndjson, .ndjson.gz)' },
          ],
        });
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [store, controls, enabled]);
}
