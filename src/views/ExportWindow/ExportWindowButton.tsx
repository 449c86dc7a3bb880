import { SERIES_CAPACITY } from '../../state/series-slice';
import { readPageParams } from '../../state/url-params';
import { downloadBlob, downloadUrl } from '../download';
import { useDashboardStore } from '../store-context';

/**
 * "Export this window": the frames and annotations on screen as a recording, from the
 * gateway's buffer when live, from the open recording in a review.
 */
export function ExportWindowButton() {
  const store = useDashboardStore();
  const exportWindow = () => {
    const s = store.getState();
    const to = s.viewEndT ?? s.series.newestT;
    if (Number.isNaN(to)) return;
    const from = to - SERIES_CAPACITY * (s.source?.intervalMs ?? 1000);
    const name = `skewboard-${from}-${to}.ndjson`;
    if (s.replayControls) {
      void s.replayControls.exportWindow(from, to).then((text) => {
        downloadBlob(new Blob([text], { type: 'application/x-ndjson' }), name);
      });
      return;
    }
    const params = readPageParams(window.location.search);
    const url = new URL('/api/recording', params.gateway ?? window.location.href);
    url.searchParams.set('from', String(from));
    url.searchParams.set('to', String(to));
    if (params.token !== undefined) url.searchParams.set('token', params.token);
    downloadUrl(url.toString(), name);
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
