import { memo, useRef } from 'react';
import { formatClock } from '../../core/format/time-format';
import type { Annotation } from '../../core/protocol/protocol';
import { pinnedSpanOf } from '../../state/shown-window';
import { ANNOTATION_STYLE } from '../annotation-style';
import { ImportPostmortem } from '../Import';
import { useReplayControlsHolder } from '../replay-controls-context';
import { useDashboard, useDashboardStore } from '../store-context';
import { viewEndFor } from './move-view';
import { latestRows } from './row-window';
import { useRowWindow } from './use-row-window';

export interface TimelineStripProps {
  tz: string;
  kiosk: boolean;
}

/** a row's height, in the list's font size: fixed (styles.css), so rows in view follow from the scroll */
const ROW_EM = 2.2;
/** rows rendered above and below those in view */
const OVERSCAN = 10;

/**
 * The incident's events in order; picking one moves the view to it. Virtualised: of thousands
 * of notes only the rows in view render, the list's full height kept by padding around them.
 * On a wall, which nobody scrolls, it shows the latest events that fit its box.
 */
export const TimelineStrip = memo(function TimelineStrip({ tz, kiosk }: TimelineStripProps) {
  const store = useDashboardStore();
  const controls = useReplayControlsHolder();
  const annotations = useDashboard((s) => s.annotations);
  const pinned = useDashboard((s) => s.viewEndT !== undefined);
  const writer = useDashboard((s) => s.noteWriter);
  const local = useDashboard((s) => s.localAnnotationIds);
  const replaying = useDashboard((s) => s.replay !== undefined);
  const listRef = useRef<HTMLDivElement>(null);
  const scrolled = useRowWindow(listRef, annotations.length, ROW_EM, OVERSCAN);
  const rows = kiosk ? latestRows(scrolled.viewPx, scrolled.rowPx, annotations.length) : scrolled;
  const moveTo = (a: Annotation) => {
    const s = store.getState();
    const { series, pinView } = s;
    const replayControls = controls.current();
    if (replayControls) {
      // in a review the event becomes the replay cursor: the page as it was at that moment
      replayControls.pause();
      replayControls.seek(a.t);
      return;
    }
    pinView(viewEndFor(a.t, pinnedSpanOf(s), series.newestT));
  };
  const remove = async (a: Annotation) => {
    if (!writer || !window.confirm(`Remove "${a.title}" for everyone?`)) return;
    const ack = await writer.remove(a.id);
    if (!ack.ok) window.alert(`Could not remove it: ${ack.error}`);
  };
  const shown = annotations.slice(rows.start, rows.end);
  return (
    <section className="panel timeline-panel" aria-label="Incident timeline">
      <header className="panel-header">
        <h2>
          Timeline
          {kiosk && rows.start > 0 && (
            <span className="muted" data-testid="timeline-latest">
              {' '}
              · latest {rows.end - rows.start} of {annotations.length}
            </span>
          )}
        </h2>
        {!kiosk && <ImportPostmortem />}
        {pinned && !replaying && (
          <button
            type="button"
            className="live-button"
            onClick={() => store.getState().pinView(undefined)}
          >
            back to live
          </button>
        )}
      </header>
      {annotations.length === 0 ? (
        <p className="muted">
          No events yet{kiosk ? '' : ': press N or click the heatmap to add a note'}.
        </p>
      ) : (
        <div
          ref={listRef}
          className="timeline-strip"
          data-testid="timeline"
          data-count={annotations.length}
          // a wall's list asks for every row's height; the layout gives what it can spare
          style={kiosk ? { height: annotations.length * scrolled.rowPx } : undefined}
        >
          <ol
            start={rows.start + 1}
            style={
              kiosk
                ? undefined
                : {
                    paddingTop: rows.start * scrolled.rowPx,
                    paddingBottom: (annotations.length - rows.end) * scrolled.rowPx,
                  }
            }
          >
            {shown.map((a) => {
              const style = ANNOTATION_STYLE[a.kind];
              return (
                <li
                  key={a.id}
                  data-testid="timeline-event"
                  data-annotation-id={a.id}
                  data-kind={a.kind}
                >
                  <button type="button" className="timeline-event" onClick={() => moveTo(a)}>
                    <span
                      className="timeline-icon"
                      style={{ background: style.colour }}
                      aria-hidden="true"
                    >
                      {style.icon}
                    </span>
                    <time dateTime={new Date(a.t).toISOString()}>
                      {formatClock(a.t, tz)}
                      {a.endT !== undefined && `–${formatClock(a.endT, tz)}`}
                    </time>
                    <span className="timeline-title">{a.title}</span>
                    <span className="timeline-source">{a.source ?? style.label}</span>
                  </button>
                  {!kiosk && writer && !local.has(a.id) && (
                    <span className="timeline-actions">
                      <button
                        type="button"
                        aria-label={`Edit ${a.title}`}
                        onClick={() => store.getState().openNoteDraft({ t: a.t, editing: a })}
                      >
                        edit
                      </button>
                      <button
                        type="button"
                        aria-label={`Remove ${a.title}`}
                        onClick={() => void remove(a)}
                      >
                        remove
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
});
