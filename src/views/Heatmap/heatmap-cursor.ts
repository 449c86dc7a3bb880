/**
 * The keyboard cursor on the heatmap: a cell (plan row, column) moved with the arrow keys,
 * Home and End jumping to the oldest and the newest frame on screen.
 */

/** A cell of the heatmap: a row of the plan and a time column. */
export interface CursorCell {
  row: number;
  column: number;
}

/** What the cursor may reach. */
export interface CursorBounds {
  rows: number;
  columns: number;
  /** the column of the oldest frame on screen (0 when frames fill the width) */
  oldestColumn: number;
}

/** Where the cursor starts: the top row, at the newest column. */
export const startCell = (b: CursorBounds): CursorCell => ({ row: 0, column: b.columns - 1 });

/** The cell after `key`, or undefined when the key does not move the cursor. */
export function moveCursor(cell: CursorCell, key: string, b: CursorBounds): CursorCell | undefined {
  const clamp = ({ row, column }: CursorCell): CursorCell => ({
    row: Math.min(Math.max(0, b.rows - 1), Math.max(0, row)),
    column: Math.min(b.columns - 1, Math.max(0, column)),
  });
  switch (key) {
    case 'ArrowLeft':
      return clamp({ ...cell, column: cell.column - 1 });
    case 'ArrowRight':
      return clamp({ ...cell, column: cell.column + 1 });
    case 'ArrowUp':
      return clamp({ ...cell, row: cell.row - 1 });
    case 'ArrowDown':
      return clamp({ ...cell, row: cell.row + 1 });
    case 'Home':
      return clamp({ ...cell, column: b.oldestColumn });
    case 'End':
      return clamp({ ...cell, column: b.columns - 1 });
    case 'PageUp':
      return clamp({ ...cell, row: 0 });
    case 'PageDown':
      return clamp({ ...cell, row: b.rows - 1 });
    default:
      return undefined;
  }
}
