import { downloadBlob } from '../download';
import { useDashboardStore } from '../store-context';
import { snapshotPng } from './snapshot-png';

/** "Snapshot": the view as a PNG, for the postmortem document. */
export function SnapshotButton({ tz }: { tz: string }) {
  const store = useDashboardStore();
  const take = () =>
    void snapshotPng(store, tz).then((png) => {
      if (png) downloadBlob(png.blob, png.name);
    });
  return (
    <button type="button" data-testid="snapshot" onClick={take} title="Save this view as a PNG">
      Snapshot
    </button>
  );
}
