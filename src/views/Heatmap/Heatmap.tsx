import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { buildLatencyLut } from '../../core/colour-scale';
import { selectLatencyWords } from '../../state/connection-slice';
import { shownWindowOf } from '../../state/shown-window';
import {
  useDashboard,
  selectViewEnd,
  useDashboardStore,
  useThrottledSelector,
  useThrottledSeriesVersion,
} from '../store-context';
import { useAlertingServers } from '../use-alerting-servers';
import { AnnotationMarkers } from './AnnotationMarkers';
import { HeatmapTooltip, type HoverCell } from './HeatmapTooltip';
import { LatencyLegend } from './LatencyLegend';
import { TimeAxis } from './TimeAxis';
import { timeOfColumn, type HeatmapGeometry } from './heatmap-geometry';
import { HeatmapCanvas } from './heatmap-canvas';
import { useRowSizing } from './use-row-sizing';
import { useScrollToNewest } from './use-scroll-to-newest';
import { WindowChooser } from './WindowChooser';

export interface HeatmapProps {
  tz: string;
  kiosk: boolean;
}

const LUT = buildLatencyLut();

/** The server x time latency heatmap: colour = p95 (or the mean), newest column at the right. */
export const Heatmap = memo(function Heatmap({ tz, kiosk }: HeatmapProps) {
  const store = useDashboardStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<HoverCell | undefined>();
  const version = useThrottledSeriesVersion(250);
  const serverIds = useDashboard((s) => s.series.servers.map((x) => x.id).join('\n'));
  // another interval lays the columns out afresh
  useDashboard((s) => s.source?.intervalMs);
  const latency = useDashboard(selectLatencyWords);
  // the canvas follows the view at once (below); labels and markers at a human pace
  const viewEndT = useThrottledSelector(selectViewEnd, 100);
  // a window chosen or a range pinned re-renders at once
  useDashboard((s) => s.windowMs);
  useDashboard((s) => s.rangeMs);
  const rows = serverIds === '' ? 0 : serverIds.split('\n').length;
  const { rowPx, labelled, rowsThatFit } = useRowSizing(boxRef, canvasRef, rows, kiosk);
  useScrollToNewest(boxRef);
  const geometry = useCallback((): HeatmapGeometry => {
    const shown = shownWindowOf(store.getState());
    return { columns: shown.columns, intervalMs: shown.columnMs, newestT: shown.to };
  }, [store]);

  const [heatmapCanvas] = useState(() => new HeatmapCanvas(LUT));
  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    if (canvas) heatmapCanvas.paint(canvas, store.getState().series, geometry());
  }, [store, geometry, heatmapCanvas]);

  useLayoutEffect(() => paint(), [paint, rows]);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (
          s.seriesVersion !== prev.seriesVersion ||
          s.viewEndT !== prev.viewEndT ||
          s.windowMs !== prev.windowMs ||
          s.rangeMs !== prev.rangeMs ||
          s.source?.intervalMs !== prev.source?.intervalMs
        )
          paint();
      }),
    [store, paint],
  );

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const column = Math.floor(((e.clientX - rect.left) / rect.width) * geometry().columns);
    const row = Math.floor((e.clientY - rect.top) / rowPx);
    setHover({ column, row, x: e.clientX - rect.left, y: e.clientY - rect.top });
  };

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    if (kiosk) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const g = geometry();
    const column = Math.floor(((e.clientX - rect.left) / rect.width) * g.columns);
    const t = timeOfColumn(column, g);
    if (!Number.isNaN(t)) store.getState().openNoteDraft({ t });
  };

  const alerting = useAlertingServers();
  const ids = useMemo(() => (serverIds === '' ? [] : serverIds.split('\n')), [serverIds]);
  const g = geometry();
  return (
    <section className="panel heatmap-panel" aria-label="Latency heatmap">
      <header className="panel-header">
        <h2>{latency.heading} by server</h2>
        <LatencyLegend label={latency.heading} />
        {!kiosk && <WindowChooser />}
      </header>
      <div
        ref={boxRef}
        className="heatmap"
        data-testid="heatmap"
        data-rows={rows}
        data-rows-that-fit={rowsThatFit}
        data-version={version}
        data-view-end={Number.isNaN(g.newestT) ? '' : g.newestT}
        data-from={Number.isNaN(g.newestT) ? '' : g.newestT - g.columns * g.intervalMs}
        data-to={Number.isNaN(g.newestT) ? '' : g.newestT}
        data-following={viewEndT === undefined}
      >
        <ol className="heatmap-labels" style={{ gridTemplateRows: `repeat(${rows}, ${rowPx}px)` }}>
          {ids.map((id) => (
            <li
              key={id}
              data-testid="heatmap-row"
              data-server={id}
              data-alerting={alerting.has(id)}
              className={alerting.has(id) ? 'alerting' : undefined}
              style={{ height: rowPx }}
            >
              {labelled ? id : ''}
            </li>
          ))}
        </ol>
        <div className="heatmap-plot">
          <canvas
            ref={canvasRef}
            style={{ height: rows * rowPx }}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(undefined)}
            onClick={onClick}
          />
          <AnnotationMarkers geometry={g} tz={tz} plotHeight={rows * rowPx} />
          {hover && <HeatmapTooltip cell={hover} geometry={g} tz={tz} />}
          <TimeAxis geometry={g} tz={tz} />
        </div>
      </div>
    </section>
  );
});
