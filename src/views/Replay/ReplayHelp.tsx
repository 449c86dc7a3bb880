/** The replay's keyboard shortcuts, in one place. */
export const REPLAY_KEYS: [string, string][] = [
  ['Space', 'play / pause'],
  ['← / →', 'back / forward one minute (Shift: ten)'],
  ['[ / ]', 'previous / next event'],
  ['- / +', 'slower / faster'],
  ['Home / End', 'start / end of the recording'],
  ['G', 'jump to a time'],
  ['?', 'this help'],
];

export function ReplayHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="note-backdrop" onClick={onClose}>
      <div
        className="panel replay-help"
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="replay-help"
      >
        <h2>Keyboard shortcuts</h2>
        <dl>
          {REPLAY_KEYS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
