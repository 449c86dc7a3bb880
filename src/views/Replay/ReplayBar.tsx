import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Annotation } from '../../core/protocol/protocol';
import { formatDateTime, parseClockAfter } from '../../core/format/time-format';
import { rangeBetween } from '../../state/annotation-list';
import { REPLAY_SPEEDS } from '../../state/replay-session';
import type { DashboardState } from '../../state/store';
import { ANNOTATION_STYLE } from '../annotation-style';
import { ReviewOverview } from '../Overview';
import { useReplayControls } from '../replay-controls-context';
import { useDashboard } from '../store-context';
import { useReplayCursor } from './use-replay-cursor';
import { useReplayKeys } from './use-replay-keys';
import { useReplayUrl } from './use-replay-url';

/** what the bar shows of the replay but its cursor: none of it moves as it plays */
const selectReplayFields = ({ replay }: DashboardState) =>
  replay && {
    name: replay.name,
    startT: replay.startT,
    endT: replay.endT,
    intervalMs: replay.intervalMs,
    alertEpisodes: replay.alertEpisodes,
    alertsPending: replay.alertsPending,
    speed: replay.speed,
    warning: replay.warning,
  };

/**
 * Review controls: play, speed, scrub with the events marked and the whole recording under it,
 * step, jump, and the clock. The cursor follows play ten times a second (useReplayCursor).
 */
export function ReplayBar({ tz, kiosk }: { tz: string; kiosk: boolean }) {
  const fields = useDashboard(useShallow(selectReplayFields));
  const shown = useReplayCursor();
  const controls = useReplayControls();
  const annotations = useDashboard((s) => s.annotations);
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | undefined>();
  useReplayKeys(!kiosk);
  useReplayUrl();
  if (!fields || !shown || !controls) return null;
  const replay = { ...fields, cursor: shown.cursor, playing: shown.playing };

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
        <div className="replay-track">
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
          <ReplayMarks annotations={annotations} startT={replay.startT} endT={replay.endT} />
        </div>
        <ReviewOverview replay={replay} controls={controls} tz={tz} kiosk={kiosk} />
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
    </section>
  );
}

/** most marks on the scrub bar: one per 1/MARKS of its width, the first event in it */
const MARKS = 400;

interface ReplayMarksProps {
  annotations: readonly Annotation[];
  startT: number;
  endT: number;
}

/** The events on the scrub bar; memoised, so the cursor moving every frame does not redo it. */
const ReplayMarks = memo(function ReplayMarks({ annotations, startT, endT }: ReplayMarksProps) {
  const span = Math.max(1, endT - startT);
  const [start, end] = rangeBetween(annotations, startT, endT);
  const marks: Annotation[] = [];
  let lastSlot = -1;
  for (let i = start; i < end; i++) {
    const a = annotations[i]!;
    const slot = Math.floor(((a.t - startT) / span) * MARKS);
    if (slot === lastSlot) continue;
    lastSlot = slot;
    marks.push(a);
  }
  return (
    <div className="replay-marks" aria-hidden="true">
      {marks.map((a) => (
        <span
          key={a.id}
          className="replay-mark"
          style={{
            left: `${((a.t - startT) / span) * 100}%`,
            background: ANNOTATION_STYLE[a.kind].colour,
          }}
          title={a.title}
        />
      ))}
    </div>
  );
});
