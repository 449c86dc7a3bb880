import { useLayoutEffect, useState, type RefObject } from 'react';
import {
  deskRowPx,
  fittedRowPx,
  legibleRowPx,
  MIN_ROW_PX,
  rowsThatFit as fitting,
} from './row-sizing';

/** The heatmap's rows as laid out now. */
export interface RowSizing {
  rowPx: number;
  /** rows that keep a labelled height in the room there is: the rest are better folded */
  rowsThatFit: number;
  /** rows tall enough to carry their server's name */
  labelled: boolean;
}

const DESK_ROOM_PX = 560;

/**
 * Row height from the height the heatmap's box has (kiosk), or the desk's fixed budget.
 * `box` is the heatmap grid, whose height the wall layout sets; `canvas` its rows, whose
 * surroundings (the flags' room above, the time axis below) are taken off that height.
 */
export function useRowSizing(
  box: RefObject<HTMLElement | null>,
  canvas: RefObject<HTMLElement | null>,
  rows: number,
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
  }, [box, canvas, kiosk, rows]);
  if (!kiosk) {
    const rowPx = deskRowPx(rows);
    return {
      rowPx,
      rowsThatFit: fitting(DESK_ROOM_PX, MIN_ROW_PX),
      labelled: rowPx >= MIN_ROW_PX,
    };
  }
  const rowPx = fittedRowPx(room.availablePx, rows, room.minRowPx);
  return {
    rowPx,
    rowsThatFit: fitting(room.availablePx, room.minRowPx),
    labelled: rowPx >= room.minRowPx,
  };
}
