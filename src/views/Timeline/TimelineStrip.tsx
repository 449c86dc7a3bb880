import { memo } from 'react';
import { formatClock } from '../../core/time-format';
import type { Annotation } from '../../core/protocol';
import { SERIES_CAPACITY } from '../../state/series-slice';
import { ANNOTATION_STYLE } from '../annotation-style';
import { ImportPostmortem } from '../Import';
import { useDashboard, useDashboardStore } from '../store-context';
import { viewEndFor } from './move-view';

export interface TimelineStripProps {
  tz: string;
  kiosk: boolean;
}

/** The incident's events in order; picking one moves the view to it. */
export const TimelineStrip = memo(function TimelineStrip({ tz, kiosk }: TimelineStripProps) {
  const store = useDashboardStore();
  const annotations = useDashboard((s) => s.annotations);
  const pinned = useDashboard((s) => s.viewEndT !== undefined);
  const writer = useDashboard((s) => s.noteWriter);
  const local = useDashboard((s) => s.localAnnotationIds);
  const replaying = useDashboard((s) => s.replay !== undefined);
  const moveTo = (a: Annotation) => {
    const { series, source, pinView, replayControls } = store.getState();
    if (replayControls) {
      // in a review the event becomes the replay cursor: the page as it was at that moment
      replayControls.pause();
      replayControls.seek(a.t);
      return;
    }
    pinView(viewEndFor(a.t, SERIES_CAPACITY * (source?.intervalMs ?? 1000), series.newestT));
  };
  const remove = async (a: Annotation) => {
    if (!writer || !window.confirm(`Remove "${a.title}" for everyone?`)) return;
    const ack = await writer.remove(a.id);
    if (!ack.ok) window.alert(`Could not remove it: ${ack.error}`);
  };
  return (
    <section className="panel timeline-panel" aria-label="Incident timeline">
      <header className="panel-header">
        <h2>Timeline</h2>
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
        <ol className="timeline-strip" data-testid="timeline">
          {annotations.map((a) => {
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
      )}
    </section>
  );
});
