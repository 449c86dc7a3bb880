import { shownWindowOf } from '../../state/shown-window';
import { downloadBlob, downloadUrl, downloadWithToken } from '../download';
import { useReplayControlsHolder } from '../replay-controls-context';
import { useDashboardStore } from '../store-context';

/**
 * "Export this window": the frames and annotations on screen as a recording, from the
 * gateway's buffer when live, from the open recording in a review.
 */
export function ExportWindowButton() {
  const store = useDashboardStore();
  const controls = useReplayControlsHolder();
  const exportWindow = () => {
    const s = store.getState();
    const { from, to } = shownWindowOf(s);
    if (Number.isNaN(to)) return;
    const name = `skewboard-${from}-${to}.ndjson`;
    const replay = controls.current();
    if (replay) {
      void replay.exportWindow(from, to).then((text) => {
        downloadBlob(new Blob([text], { type: 'application/x-ndjson' }), name);
      });
      return;
    }
    const gateway = s.gateway ?? {};
    const url = new URL('/api/recording', gateway.url ?? window.location.href);
    url.searchParams.set('from', String(from));
    url.searchParams.set('to', String(to));
    // with a token: a header on a fetch, never `?token=` on a link
    if (gateway.token === undefined) downloadUrl(url.toString(), name);
    else {
      downloadWithToken(url.toString(), gateway.token, name).catch((err: unknown) =>
        window.alert(`Could not export: ${err instanceof Error ? err.message : String(err)}`),
      );
    }
  };
  return (
    <button
      type="button"
      data-testid="export-window"
      onClick={exportWindow}
      title="Download the frames on screen as a recording"
    >
      Export this window
    </button>
  );
}
