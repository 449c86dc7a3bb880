import { useLayoutEffect, useState, type RefObject } from 'react';
import { rowWindow, type RowWindow } from './row-window';

export interface RowWindowState extends RowWindow {
  rowPx: number;
  /** the list's visible height */
  viewPx: number;
}

/**
 * The rows of a scrolling list to render (fixed-height rows of `rowEm` of the list's font
 * size): follows its scroll offset and its size. Hand-written rather than a library: it is
 * these few lines, and it keeps the list's own markup and styles.
 */
export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowEm: number,
  overscan: number,
): RowWindowState {
  const [view, setView] = useState({ top: 0, height: 0, rowPx: 0 });
  // the list element comes and goes with whether there is anything to list
  const listed = count > 0;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rowPx = rowEm * parseFloat(getComputedStyle(el).fontSize);
      const next = { top: el.scrollTop, height: el.clientHeight, rowPx };
      setView((v) =>
        v.top === next.top && v.height === next.height && v.rowPx === next.rowPx ? v : next,
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [ref, rowEm, listed]);
  const rowPx = view.rowPx || 16 * rowEm;
  return {
    ...rowWindow(view.top, view.height, rowPx, count, overscan),
    rowPx,
    viewPx: view.height,
  };
}
