import { useLayoutEffect, useState, type RefObject } from 'react';
import {
  DESK_BUDGET_PX,
  deskRowPx,
  fittedRowPx,
  legibleRowPx,
  MIN_ROW_PX,
  rowsThatFit as fitting,
} from './row-sizing';

/** The room the heatmap's rows have, and how a number of rows is laid out in it. */
export interface RowSizing {
  /** rows that keep a labelled height in the room there is: the rest are folded (row-plan.ts) */
  rowsThatFit: number;
  /** each row's height, and whether that is tall enough to carry its server's name */
  rowsOf: (rows: number) => { rowPx: number; labelled: boolean };
}

/**
 * Row height from the height the heatmap's box has (kiosk), or the desk's fixed budget.
 * `box` is the heatmap grid, whose height the wall layout sets; `canvas` its rows, whose
 * surroundings (the flags' room above, the time axis below) are taken off that height.
 * `servers` re-measures when the fleet changes (a first label gives the font size).
 */
export function useRowSizing(
  box: RefObject<HTMLElement | null>,
  canvas: RefObject<HTMLElement | null>,
  servers: number,
  kiosk: boolean,
): RowSizing {
  const [room, setRoom] = useState({ availablePx: 0, minRowPx: MIN_ROW_PX });
  useLayoutEffect(() => {
    const el = box.current;
    const rowsEl = canvas.current;
    if (!kiosk || !el || !rowsEl) return;
    const measure = () => {
      const boxRect = el.getBoundingClientRect();
      const rowsRect = rowsEl.getBoundingClientRect();
      const plotRect = rowsEl.parentElement?.getBoundingClientRect() ?? rowsRect;
      const chrome = rowsRect.top - boxRect.top + (plotRect.bottom - rowsRect.bottom);
      const label = el.querySelector('li') ?? el;
      const next = {
        availablePx: Math.max(0, Math.floor(el.clientHeight - chrome)),
        minRowPx: legibleRowPx(parseFloat(getComputedStyle(label).fontSize)),
      };
      setRoom((r) =>
        r.availablePx === next.availablePx && r.minRowPx === next.minRowPx ? r : next,
      );
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => resize.disconnect();
  }, [box, canvas, kiosk, servers]);
  if (!kiosk) {
    return {
      rowsThatFit: fitting(DESK_BUDGET_PX, MIN_ROW_PX),
      // past the budget (a pool unfolded) rows keep their names and the box scrolls
      rowsOf: (rows) => ({ rowPx: Math.max(MIN_ROW_PX, deskRowPx(rows)), labelled: true }),
    };
  }
  return {
    rowsThatFit: fitting(room.availablePx, room.minRowPx),
    rowsOf: (rows) => {
      const rowPx = fittedRowPx(room.availablePx, rows, room.minRowPx);
      return { rowPx, labelled: rowPx >= room.minRowPx };
    },
  };
}
