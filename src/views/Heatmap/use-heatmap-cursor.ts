import { useState, type RefObject } from 'react';
import { selectLatencyWords } from '../../state/connection-slice';
import { useDashboardStore } from '../store-context';
import { cellLines, cellValues } from './cell-values';
import { moveCursor, startCell, type CursorBounds, type CursorCell } from './heatmap-cursor';
import { columnOfTime, type HeatmapGeometry } from './heatmap-geometry';
import type { HoverCell } from './HeatmapTooltip';
import type { RowPlan } from './row-plan';
import { framesOnScreen } from './use-heatmap-summary';

export interface HeatmapCursorOptions {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  plan: RowPlan;
  rowPx: number;
  geometry: () => HeatmapGeometry;
  tz: string;
  /** shows (or, undefined, hides) the tooltip of a cell */
  onShow: (cell: HoverCell | undefined) => void;
  /** folds or unfolds a band's pool */
  onToggle: (pool: string) => void;
}

/** The keyboard cursor: the cell it is on, what a screen reader says of it, and its handlers. */
export function useHeatmapCursor({
  canvasRef,
  plan,
  rowPx,
  geometry,
  tz,
  onShow,
  onToggle,
}: HeatmapCursorOptions) {
  const store = useDashboardStore();
  const [cell, setCell] = useState<CursorCell | undefined>();
  const [spoken, setSpoken] = useState('');

  const bounds = (): CursorBounds => {
    const g = geometry();
    const frames = framesOnScreen(store.getState().series, g);
    return {
      rows: plan.rows.length,
      columns: g.columns,
      oldestColumn: Number.isNaN(frames.fromT) ? 0 : Math.max(0, columnOfTime(frames.fromT, g)),
    };
  };

  const show = (next: CursorCell) => {
    setCell(next);
    const row = plan.rows[next.row];
    const g = geometry();
    const state = store.getState();
    const values = row && cellValues(state.series, row, next.column, g);
    if (!values) {
      setSpoken('');
      onShow(undefined);
      return;
    }
    const { title, lines } = cellLines(values, tz, selectLatencyWords(state).figure !== 'p95');
    setSpoken([title, ...lines].join(', '));
    const width = canvasRef.current?.clientWidth ?? 0;
    onShow({
      row: next.row,
      column: next.column,
      x: (width * (next.column + 0.5)) / g.columns,
      y: next.row * rowPx + rowPx / 2,
      width,
    });
  };

  const hide = () => {
    setCell(undefined);
    setSpoken('');
    onShow(undefined);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const b = bounds();
    const at = cell ?? startCell(b);
    if (e.key === 'Escape') {
      if (cell) e.preventDefault();
      hide();
      return;
    }
    const row = plan.rows[at.row];
    if ((e.key === 'Enter' || e.key === ' ') && row?.kind === 'band') {
      e.preventDefault();
      onToggle(row.pool);
      return;
    }
    const next = moveCursor(at, e.key, b);
    if (!next) return;
    // the arrows move the cursor, not the page
    e.preventDefault();
    show(next);
  };

  // a keyboard focus puts the cursor on the newest cell of the top row; a click does not
  const onFocus = (e: React.FocusEvent<HTMLCanvasElement>) => {
    if (!cell && e.currentTarget.matches(':focus-visible')) show(startCell(bounds()));
  };

  return { cell, spoken, onKeyDown, onFocus, onBlur: hide };
}
