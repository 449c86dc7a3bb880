import { useState } from 'react';
import { downloadBlob } from '../download';
import { snapshotPng } from '../Snapshot/snapshot-png';
import { useReplayControlsHolder } from '../replay-controls-context';
import { useDashboard, useDashboardStore } from '../store-context';

/**
 * In a review, "Postmortem draft": the markdown `skewboard postmortem` writes of the whole
 * recording (worked out by the loader's worker), in the page's zone, and the view as a PNG
 * beside it, which the draft shows under its title.
 */
export function PostmortemDraftButton({ tz }: { tz: string }) {
  const store = useDashboardStore();
  const replayControls = useReplayControlsHolder();
  const name = useDashboard((s) => s.replay?.name);
  const [writing, setWriting] = useState(false);
  if (name === undefined) return null;
  const base = `${(name.split('/').at(-1) ?? name).replace(/\.ndjson(\.gz)?$/i, '')}-postmortem`;
  const write = async () => {
    const controls = replayControls.current();
    if (!controls) return;
    setWriting(true);
    try {
      const png = await snapshotPng(store, tz);
      const text = await controls.postmortemDraft({
        tz,
        ...(png !== undefined && { image: `${base}.png` }),
      });
      downloadBlob(new Blob([text], { type: 'text/markdown' }), `${base}.md`);
      if (png) downloadBlob(png.blob, `${base}.png`);
    } finally {
      setWriting(false);
    }
  };
  return (
    <button
      type="button"
      data-testid="postmortem-draft"
      onClick={() => void write()}
      disabled={writing}
      title="Download a postmortem draft of this recording (markdown, and the view as a PNG)"
    >
      {writing ? 'Writing the draft…' : 'Postmortem draft'}
    </button>
  );
}
