import type { CursorCell } from './heatmap-cursor';

export interface CursorOutlineProps {
  cell: CursorCell;
  rowPx: number;
  columns: number;
}

/** The keyboard cursor's cell, outlined over the canvas. */
export function CursorOutline({ cell, rowPx, columns }: CursorOutlineProps) {
  return (
    <div
      className="heatmap-cursor"
      data-testid="heatmap-cursor"
      aria-hidden="true"
      style={{
        left: `${(cell.column / columns) * 100}%`,
        // a column is under a pixel wide on a laptop: the outline stays visible
        width: `max(3px, ${100 / columns}%)`,
        top: cell.row * rowPx,
        height: rowPx,
      }}
    />
  );
}
