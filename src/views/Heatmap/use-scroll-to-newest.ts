import { useLayoutEffect, type RefObject } from 'react';

/**
 * Keeps a box that scrolls sideways (the heatmap on a phone) at its right end, where the
 * newest minutes are, until the reader scrolls back; at the end again, it follows again.
 */
export function useScrollToNewest(box: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    let following = true;
    const follow = () => {
      if (following && el.scrollWidth > el.clientWidth) el.scrollTo({ left: el.scrollWidth });
    };
    const onScroll = () => {
      following = el.scrollLeft + el.clientWidth >= el.scrollWidth - 2;
    };
    follow();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(follow);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [box]);
}
