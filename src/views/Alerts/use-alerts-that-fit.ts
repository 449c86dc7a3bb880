import { useLayoutEffect, useState, type RefObject } from 'react';
import { alertsThatFit } from './alerts-that-fit';

/** a "+N more" line's height, in the list's font size: one line and the gap above it */
const MORE_LINE_EM = 1.6;

/** The alerts the banner shows, and the height its list is cut to when it hides any. */
export interface AlertFit {
  shown: number;
  listPx: number | undefined;
}

/**
 * How many of the banner's alerts to show: those that fit the banner's max-height (set by
 * the wall's styles; none on a desk or a phone, where all show). `list` lays out every alert,
 * the unshown ones invisible but in place, so their heights stay measurable; `layoutKey`
 * changes whenever the alerts' text does.
 */
export function useAlertsThatFit(
  banner: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  count: number,
  layoutKey: string,
): AlertFit {
  const [fit, setFit] = useState<AlertFit>({ shown: count, listPx: undefined });
  useLayoutEffect(() => {
    const box = banner.current;
    const ul = list.current;
    if (!box || !ul) return;
    const measure = () => {
      const style = getComputedStyle(box);
      const maxHeight = parseFloat(style.maxHeight);
      const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
      const room = Number.isNaN(maxHeight)
        ? Infinity
        : maxHeight - frame.reduce((sum, side) => sum + parseFloat(style[side]), 0);
      const bottoms = [...ul.children].map((li) =>
        li instanceof HTMLElement ? li.offsetTop + li.offsetHeight : 0,
      );
      const morePx = MORE_LINE_EM * parseFloat(getComputedStyle(ul).fontSize);
      const shown = alertsThatFit(bottoms, room, morePx);
      const listPx = shown < bottoms.length ? bottoms[shown - 1] : undefined;
      setFit((f) => (f.shown === shown && f.listPx === listPx ? f : { shown, listPx }));
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(box);
    resize.observe(ul);
    return () => resize.disconnect();
  }, [banner, list, count, layoutKey]);
  return fit.shown <= count ? fit : { shown: count, listPx: undefined };
}
