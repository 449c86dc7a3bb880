import { openRecording } from '../../state/open-recording';
import { FilePickerButton } from '../FilePickerButton';
import { useReplayControlsHolder } from '../replay-controls-context';
import { useDashboard, useDashboardStore } from '../store-context';

export const SAMPLE_RECORDING = '/samples/2024-05-15-lb-misconfig.ndjson.gz';

/** "Open recording…", the sample incident, and the load's progress or what went wrong. */
export function OpenRecording() {
  const store = useDashboardStore();
  const controls = useReplayControlsHolder();
  const loading = useDashboard((s) => s.replayLoading);
  const error = useDashboard((s) => s.replayError);
  const replaying = useDashboard((s) => s.replay !== undefined);
  const open = (file: File) =>
    void openRecording(
      store,
      controls,
      { file },
      { leaveLive: () => store.getState().stopLiveFeed?.() },
    );
  return (
    <div className="open-recording">
      {!replaying && (
        <a
          className="sample-link"
          href={`/?replay=${encodeURIComponent(SAMPLE_RECORDING)}`}
          data-testid="sample-link"
        >
          Review the 2024-05-15 incident
        </a>
      )}
      {replaying && (
        <a className="sample-link" href="/">
          Back to live
        </a>
      )}
      <FilePickerButton
        label="Open recording…"
        accept=".ndjson,.gz,application/x-ndjson,application/gzip"
        testId="open-recording"
        onFile={open}
      />
      {loading && (
        <progress
          data-testid="replay-progress"
          value={loading.fraction}
          max={1}
          aria-label={`Loading ${loading.name}`}
        />
      )}
      {error && (
        <span className="replay-error" role="alert" data-testid="replay-error">
          {error}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => store.getState().setReplayError(undefined)}
          >
            ×
          </button>
        </span>
      )}
    </div>
  );
}
