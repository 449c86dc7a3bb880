import { useState } from 'react';
import { formatDateTime, parseClockAfter } from '../../core/time-format';
import { REPLAY_SPEEDS } from '../../state/replay-session';
import { ANNOTATION_STYLE } from '../annotation-style';
import { useDashboard } from '../store-context';
import { ReplayHelp } from './ReplayHelp';
import { useReplayKeys } from './use-replay-keys';
import { useReplayUrl } from './use-replay-url';

/** Review controls: play, speed, scrub with the events marked, step, jump, and the clock. */
export function ReplayBar({ tz, kiosk }: { tz: string; kiosk: boolean }) {
  const replay = useDashboard((s) => s.replay);
  const controls = useDashboard((s) => s.replayControls);
  const annotations = useDashboard((s) => s.annotations);
  const [help, setHelp] = useState(false);
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | undefined>();
  useReplayKeys(!kiosk, () => setHelp((h) => !h));
  useReplayUrl();
  if (!replay || !controls) return null;
  const span = Math.max(1, replay.endT - replay.startT);
  const at = (t: number) => `${((t - replay.startT) / span) * 100}%`;
  const marks = annotations.filter((a) => a.t >= replay.startT && a.t <= replay.endT);

  const doJump = () => {
    const dayStart = replay.startT - 1;
    const t = parseClockAfter(jump, dayStart, tz);
    if (Number.isNaN(t) || t > replay.endT) {
      setJumpError(`"${jump}" is not a time in this recording`);
      return;
    }
    setJumpError(undefined);
    controls.pause();
    controls.seek(t);
  };

  return (
    <section className="replay-bar panel" aria-label="Replay controls">
      <span className="replay-clock" data-testid="replay-clock" data-t={replay.cursor}>
        {formatDateTime(replay.cursor, tz)}
      </span>
      {!kiosk && (
        <div className="replay-buttons">
          <button
            type="button"
            onClick={() => controls.step(-1)}
            aria-label="Previous event"
            title="Previous event ([)"
          >
            ◀ prev
          </button>
          <button
            type="button"
            data-testid="replay-play"
            onClick={() => controls.toggle()}
            aria-label={replay.playing ? 'Pause' : 'Play'}
            title="Play / pause (space)"
          >
            {replay.playing ? '⏸' : '▶'}
          </button>
          <button
            type="button"
            onClick={() => controls.step(1)}
            aria-label="Next event"
            title="Next event (])"
          >
            next ▶
          </button>
          <select
            aria-label="Speed"
            data-testid="replay-speed"
            value={replay.speed}
            onChange={(e) => controls.setSpeed(Number(e.target.value))}
          >
            {REPLAY_SPEEDS.map((x) => (
              <option key={x} value={x}>
                {x}x
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="replay-scrub">
        <input
          type="range"
          aria-label="Replay position"
          data-testid="replay-scrub"
          min={replay.startT}
          max={replay.endT}
          step={replay.intervalMs}
          value={replay.cursor}
          disabled={kiosk}
          onChange={(e) => controls.seek(Number(e.target.value))}
        />
        <div className="replay-marks" aria-hidden="true">
          {marks.map((a) => (
            <span
              key={a.id}
              className="replay-mark"
              style={{ left: at(a.t), background: ANNOTATION_STYLE[a.kind].colour }}
              title={a.title}
            />
          ))}
        </div>
      </div>
      {!kiosk && (
        <form
          className="replay-jump"
          onSubmit={(e) => {
            e.preventDefault();
            doJump();
          }}
        >
          <input
            name="jump"
            aria-label="Jump to time"
            placeholder="hh:mm"
            value={jump}
            onChange={(e) => setJump(e.target.value)}
          />
          <button type="submit">go</button>
          {jumpError && <span className="note-error">{jumpError}</span>}
          <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
        </form>
      )}
      {replay.alertsPending && (
        <p className="replay-warning" role="status" data-testid="alerts-pending">
          working out the alerts…
        </p>
      )}
      {replay.warning && (
        <p className="replay-warning" role="status" data-testid="replay-warning">
          {replay.name}: {replay.warning}
        </p>
      )}
      {help && <ReplayHelp onClose={() => setHelp(false)} />}
    </section>
  );
}
