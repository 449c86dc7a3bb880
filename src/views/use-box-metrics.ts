import { useLayoutEffect, useState, type RefObject } from 'react';

/** What drawing inside a box needs of it: its font size, height and width, in px. */
export interface BoxMetrics {
  fontPx: number;
  heightPx: number;
  widthPx: number;
}

/**
 * An element's font size and size, kept up to date as it resizes: for drawing (SVG charts, a
 * canvas) that must match type and room set by the layout (a wall's type follows the screen).
 */
export function useBoxMetrics(
  ref: RefObject<HTMLElement | null>,
  fallback: BoxMetrics,
): BoxMetrics {
  const [metrics, setMetrics] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const fontPx = parseFloat(getComputedStyle(el).fontSize);
      const heightPx = el.clientHeight;
      const widthPx = el.clientWidth;
      if (!(fontPx > 0)) return;
      setMetrics((m) =>
        m.fontPx === fontPx && m.heightPx === heightPx && m.widthPx === widthPx
          ? m
          : { fontPx, heightPx, widthPx },
      );
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => resize.disconnect();
  }, [ref]);
  return metrics;
}
