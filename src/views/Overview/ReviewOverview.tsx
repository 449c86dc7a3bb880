import { memo, useEffect, useRef } from 'react';
import { buildLatencyLut } from '../../core/format/colour-scale';
import type { Annotation } from '../../core/protocol/protocol';
import { overviewOfSeries } from '../../core/series/series-overview';
import type { ReplayController } from '../../state/replay-session';
import type { ReplayState } from '../../state/replay-slice';
import { shownWindowOf } from '../../state/shown-window';
import { TimeAxis } from '../Heatmap/TimeAxis';
import type { DashboardState } from '../../state/store';
import { useDashboard, useDashboardStore } from '../store-context';
import { useBoxMetrics } from '../use-box-metrics';
import { OverviewFlags } from './OverviewFlags';
import { spanFraction, spanGeometry } from './overview-marks';
import { paintOverview } from './overview-pixels';
import { useOverviewSeek } from './use-overview-seek';

const LUT = buildLatencyLut();
/** a flag's head, in the strip's font size: closer flags are joined */
const FLAG_EM = 1.3;
/** the episodes while the detector runs: one array, so memoised lists are not redone */
const NO_EPISODES: readonly Annotation[] = [];
/** zero until the strip is laid out */
const UNMEASURED = { fontPx: 16, heightPx: 0, widthPx: 0 };

const selectShownWidth = (s: DashboardState) => {
  const shown = shownWindowOf(s);
  return shown.to - shown.from;
};

export interface ReviewOverviewProps {
  replay: Pick<ReplayState, 'startT' | 'endT' | 'intervalMs' | 'cursor' | 'alertEpisodes'>;
  controls: ReplayController;
  tz: string;
  kiosk: boolean;
}

/**
 * In a review, under the scrub bar: every server over the whole recording (the heatmap's
 * colours, the worst p95 of each slice of time), its alerts and notes, the heatmap's window
 * outlined; a click or a drag moves the cursor. Time labels under it.
 */
export function ReviewOverview({ replay, controls, tz, kiosk }: ReviewOverviewProps) {
  const { startT: from, endT: to, cursor } = replay;
  const boxRef = useRef<HTMLDivElement>(null);
  const size = useBoxMetrics(boxRef, UNMEASURED);
  const seek = useOverviewSeek({ from, to, intervalMs: replay.intervalMs }, controls, !kiosk);
  // the span the heatmap shows, clipped to the recording: it moves with the cursor, so it is
  // read as the bar renders this at the cursor's pace; a change of its width renders it too
  useDashboard(selectShownWidth);
  const { from: windowFrom, to: windowTo } = shownWindowOf(useDashboardStore().getState());
  const x = (t: number) => `${spanFraction(t, from, to) * 100}%`;
  const left = spanFraction(windowFrom, from, to);
  const right = spanFraction(windowTo, from, to);
  return (
    <div className="overview">
      <div
        ref={boxRef}
        className={kiosk ? 'overview-box' : 'overview-box seekable'}
        data-testid="overview"
        data-from={from}
        data-to={to}
        role="group"
        aria-label="The whole recording at a glance"
        {...seek}
      >
        <OverviewCanvas from={from} to={to} width={size.widthPx} height={size.heightPx} />
        <AlertSpans episodes={replay.alertEpisodes} from={from} to={to} />
        <div
          className="overview-window"
          data-testid="overview-window"
          data-from={Math.max(from, windowFrom)}
          data-to={Math.min(to, windowTo)}
          style={{ left: `${left * 100}%`, width: `${(right - left) * 100}%` }}
        />
        <div className="overview-cursor" style={{ left: x(cursor) }} />
        <OverviewFlags
          episodes={replay.alertEpisodes}
          from={from}
          to={to}
          cursor={cursor}
          flagWidth={size.widthPx > 0 ? (FLAG_EM * size.fontPx) / size.widthPx : 0}
          tz={tz}
        />
      </div>
      <TimeAxis geometry={spanGeometry(from, to)} tz={tz} />
    </div>
  );
}

interface OverviewCanvasProps {
  from: number;
  to: number;
  width: number;
  height: number;
}

/**
 * The cells, worked out when the recording or the strip's size changes, never as the cursor
 * moves; after the review's first paint (an effect, not a layout effect), so opening a
 * recording shows the heatmap without waiting for a pass over every sample.
 */
const OverviewCanvas = memo(function OverviewCanvas({
  from,
  to,
  width,
  height,
}: OverviewCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const series = useDashboard((s) => s.series);
  // one slice per pixel column of the strip
  const slices = Math.round(width);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || slices <= 0) return;
    paintOverview(canvas, overviewOfSeries(series, from, to, slices), height, LUT);
  }, [series, from, to, slices, height]);
  return <canvas ref={canvasRef} className="overview-canvas" aria-hidden="true" />;
});

interface AlertSpansProps {
  episodes: readonly Annotation[] | undefined;
  from: number;
  to: number;
}

/** Each alert episode as a bar along the strip's top, from firing to resolved (or the end). */
const AlertSpans = memo(function AlertSpans({ episodes = NO_EPISODES, from, to }: AlertSpansProps) {
  return (
    <>
      {episodes.map((a) => {
        const start = spanFraction(a.t, from, to);
        const end = spanFraction(a.endT ?? to, from, to);
        return (
          <div
            key={a.id}
            className="overview-alert"
            data-testid="overview-alert"
            style={{ left: `${start * 100}%`, width: `max(2px, ${(end - start) * 100}%)` }}
          />
        );
      })}
    </>
  );
});
