import { useLayoutEffect, useState, type RefObject } from 'react';

/** A box's size in CSS pixels, and its font size (to size flags in px). */
export interface BoxSize {
  width: number;
  height: number;
  em: number;
}

const NO_SIZE: BoxSize = { width: 0, height: 0, em: 16 };

/** The box's size, kept up to date as it resizes; zero until it is laid out. */
export function useBoxSize(ref: RefObject<HTMLElement | null>): BoxSize {
  const [size, setSize] = useState(NO_SIZE);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const next = {
        width: el.clientWidth,
        height: el.clientHeight,
        em: parseFloat(getComputedStyle(el).fontSize) || 16,
      };
      setSize((was) =>
        was.width === next.width && was.height === next.height && was.em === next.em ? was : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
