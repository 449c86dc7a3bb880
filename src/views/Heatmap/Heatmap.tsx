import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { buildLatencyLut } from '../../core/format/colour-scale';
import { selectLatencyWords } from '../../state/connection-slice';
import { shownWindowOf } from '../../state/shown-window';
import {
  useDashboard,
  selectViewEnd,
  useDashboardStore,
  useThrottledSelector,
  useThrottledSeriesVersion,
} from '../store-context';
import { pageFrameLoop } from '../frame-loop';
import { useAlertingServers } from '../use-alerting-servers';
import { AnnotationMarkers } from './AnnotationMarkers';
import { CursorOutline } from './CursorOutline';
import { HeatmapLabels } from './HeatmapLabels';
import { HeatmapTooltip, type HoverCell } from './HeatmapTooltip';
import { LatencyLegend } from './LatencyLegend';
import { TimeAxis } from './TimeAxis';
import { timeOfColumn, type HeatmapGeometry } from './heatmap-geometry';
import { HeatmapCanvas } from './heatmap-canvas';
import { useRowSizing } from './use-row-sizing';
import { useScrollToNewest } from './use-scroll-to-newest';
import { WindowChooser } from './WindowChooser';
import { DESK_BUDGET_PX } from './row-sizing';
import { useHeatmapCursor } from './use-heatmap-cursor';
import { useHeatmapSummary } from './use-heatmap-summary';
import { useRowPlan } from './use-row-plan';

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
  // another interval lays the columns out afresh
  useDashboard((s) => s.source?.intervalMs);
  const latency = useDashboard(selectLatencyWords);
  // the canvas follows the view at once (below); labels and markers at a human pace
  const viewEndT = useThrottledSelector(selectViewEnd, 100);
  // a window chosen or a range pinned re-renders at once
  useDashboard((s) => s.windowMs);
  useDashboard((s) => s.rangeMs);
  const servers = useDashboard((s) => s.series.servers.length);
  const sizing = useRowSizing(boxRef, canvasRef, servers, kiosk);
  const { plan, bandShares, toggle } = useRowPlan(sizing.rowsThatFit);
  const rows = plan.rows.length;
  const serverRows = plan.rows.filter((r) => r.kind === 'server').length;
  const { rowPx, labelled } = sizing.rowsOf(rows);
  useScrollToNewest(boxRef);
  const geometry = useCallback((): HeatmapGeometry => {
    const shown = shownWindowOf(store.getState());
    return { columns: shown.columns, intervalMs: shown.columnMs, newestT: shown.to };
  }, [store]);

  const [heatmapCanvas] = useState(() => new HeatmapCanvas(LUT));
  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    // a fleet that fits paints one row per server, as the store has them
    const rowsPainted = plan.folded ? plan.rows : undefined;
    if (canvas) heatmapCanvas.paint(canvas, store.getState().series, geometry(), rowsPainted);
  }, [store, geometry, heatmapCanvas, plan]);

  useLayoutEffect(() => paint(), [paint, rows]);

  // a change marks the canvas dirty; the page's frame loop paints it once in the next frame,
  // however many changes came (a replay moves the cursor and adds frames in the same frame)
  useEffect(() => {
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.seriesVersion !== prev.seriesVersion ||
        s.viewEndT !== prev.viewEndT ||
        s.windowMs !== prev.windowMs ||
        s.rangeMs !== prev.rangeMs ||
        s.source?.intervalMs !== prev.source?.intervalMs
      )
        pageFrameLoop.mark(paint);
    });
    return () => {
      unsubscribe();
      pageFrameLoop.cancel(paint);
    };
  }, [store, paint]);

  /** the cell under a pointer event, in plot pixels */
  const cellAt = (e: React.MouseEvent<HTMLCanvasElement>): HoverCell => {
    const rect = e.currentTarget.getBoundingClientRect();
    const column = Math.floor(((e.clientX - rect.left) / rect.width) * geometry().columns);
    const row = Math.floor((e.clientY - rect.top) / rowPx);
    const x = e.clientX - rect.left;
    return { column, row, x, y: e.clientY - rect.top, width: rect.width };
  };

  const openNote = (column: number) => {
    if (kiosk) return;
    const t = timeOfColumn(column, geometry());
    if (!Number.isNaN(t)) store.getState().openNoteDraft({ t });
  };

  // a tap shows the cell, as a hover does; a second tap on the same cell opens the note form
  const pointerType = useRef('mouse');
  const tapped = useRef<HoverCell | undefined>(undefined);
  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const cell = cellAt(e);
    if (pointerType.current !== 'touch') return openNote(cell.column);
    const again = tapped.current?.row === cell.row && tapped.current.column === cell.column;
    tapped.current = again ? undefined : cell;
    setHover(cell);
    if (again) openNote(cell.column);
  };

  const cursor = useHeatmapCursor({
    canvasRef,
    plan,
    rowPx,
    geometry,
    tz,
    onShow: setHover,
    onToggle: toggle,
  });
  const alerting = useAlertingServers();
  const summaryId = useId();
  const summary = useHeatmapSummary(plan, geometry(), tz, version);
  const g = geometry();
  const height = rows * rowPx;
  const shownRow = hover && plan.rows[hover.row];
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
        // server rows shown, as before the fleet could fold; the whole fleet; its bands
        data-rows={serverRows}
        data-servers={plan.servers}
        data-bands={rows - serverRows}
        data-rows-that-fit={sizing.rowsThatFit}
        data-version={version}
        data-view-end={Number.isNaN(g.newestT) ? '' : g.newestT}
        data-from={Number.isNaN(g.newestT) ? '' : g.newestT - g.columns * g.intervalMs}
        data-to={Number.isNaN(g.newestT) ? '' : g.newestT}
        data-following={viewEndT === undefined}
        // more rows than the desk's budget (a pool unfolded): the box scrolls, the page does
        // not; a wall's box has the height its layout gives it
        style={
          !kiosk && height > DESK_BUDGET_PX
            ? { maxHeight: `calc(${DESK_BUDGET_PX}px + 4em)`, overflowY: 'auto' }
            : undefined
        }
      >
        <HeatmapLabels
          plan={plan}
          rowPx={rowPx}
          labelled={labelled}
          alerting={alerting}
          bandShares={bandShares}
          onToggle={toggle}
        />
        <div className="heatmap-plot">
          <canvas
            ref={canvasRef}
            style={{ height }}
            tabIndex={0}
            // an application: a screen reader passes the arrow keys on, and reads the cell
            // each one reaches from the live region below
            role="application"
            aria-roledescription="heatmap"
            aria-label={`${latency.heading} by server over time`}
            aria-describedby={summaryId}
            onPointerDown={(e) => (pointerType.current = e.pointerType)}
            onMouseMove={(e) => setHover(cellAt(e))}
            onMouseLeave={() => setHover(undefined)}
            onClick={onClick}
            onKeyDown={cursor.onKeyDown}
            onFocus={cursor.onFocus}
            onBlur={cursor.onBlur}
          />
          {cursor.cell && <CursorOutline cell={cursor.cell} rowPx={rowPx} columns={g.columns} />}
          <AnnotationMarkers geometry={g} tz={tz} plotHeight={height} />
          {hover && shownRow && <HeatmapTooltip cell={hover} row={shownRow} geometry={g} tz={tz} />}
          <TimeAxis geometry={g} tz={tz} />
        </div>
        <p id={summaryId} className="sr-only" data-testid="heatmap-summary">
          {summary}
        </p>
        <p className="sr-only" aria-live="polite">
          {cursor.spoken}
        </p>
      </div>
    </section>
  );
});
