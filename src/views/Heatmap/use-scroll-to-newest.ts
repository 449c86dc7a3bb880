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
    // the offset this hook scrolled to: its own scroll event says nothing of the reader
    let ours = Number.NaN;
    const end = () => el.scrollWidth - el.clientWidth;
    const follow = () => {
      if (!following || end() <= 0 || Math.abs(el.scrollLeft - end()) < 1) return;
      ours = end();
      el.scrollTo({ left: ours });
    };
    const onScroll = () => {
      if (Math.abs(el.scrollLeft - ours) < 1) return;
      following = el.scrollLeft >= end() - 2;
    };
    follow();
    el.addEventListener('scroll', onScroll, { passive: true });
    // the box, and what it holds: names coming in widen the content, not the box
    const resize = new ResizeObserver(follow);
    resize.observe(el);
    for (const child of el.children) resize.observe(child);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [box]);
}
