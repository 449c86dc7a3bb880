/**
 * Opens a recording for review, from a URL (`?replay=`), a file picker or a drop: loads it
 * whole with progress, and only then leaves the live feed and shows it. A load that fails
 * says why and leaves the page as it was.
 */
import {
  loadRecordingFile,
  loadRecordingUrl,
  RecordingLoadError,
  type LoadedRecording,
} from './load-recording';
import type { ReplayControls } from './replay-controls';
import { startReplay } from './replay-session';
import type { DashboardStore } from './store';

export const RECORDING_FILE = /\.ndjson(\.gz)?$/i;

export interface OpenOptions {
  /** the replay cursor to open at (`?t=`) */
  initialT?: number;
  /** called once the recording has loaded, before it is shown: stop the live feed */
  leaveLive?: () => void;
}

export async function openRecording(
  store: DashboardStore,
  controls: ReplayControls,
  from: { url: string } | { file: File },
  opts: OpenOptions = {},
): Promise<boolean> {
  const state = store.getState;
  const name = 'url' in from ? from.url : from.file.name;
  state().setReplayError(undefined);
  state().setReplayLoading({ name, fraction: 0 });
  const progress = (fraction: number) => state().setReplayLoading({ name, fraction });
  let recording: LoadedRecording;
  try {
    recording =
      'url' in from
        ? await loadRecordingUrl(from.url, progress)
        : await loadRecordingFile(from.file, progress);
  } catch (err) {
    state().setReplayLoading(undefined);
    state().setReplayError(
      err instanceof RecordingLoadError ? err.message : `${name}: ${String(err)}`,
    );
    return false;
  }
  opts.leaveLive?.();
  // the old recording's clock stops before the new one writes to the store
  controls.replace(undefined);
  controls.replace(startReplay(store, recording, opts.initialT));
  state().setReplayLoading(undefined);
  return true;
}
