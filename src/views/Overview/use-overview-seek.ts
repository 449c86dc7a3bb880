import { useRef } from 'react';
import type { ReplayController } from '../../state/replay-session';
import { timeAtFraction } from './overview-marks';

export interface OverviewSpan {
  from: number;
  to: number;
  intervalMs: number;
}

/**
 * Click or drag on the strip moves the cursor to the time under the pointer, through the
 * same seek as the scrub bar. The pointer is captured, so a drag past the strip's ends
 * holds the first or last frame instead of being lost.
 */
export function useOverviewSeek(span: OverviewSpan, controls: ReplayController, enabled: boolean) {
  const dragging = useRef<number | undefined>(undefined);
  const seekTo = (e: React.PointerEvent<HTMLElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const fraction = rect.width > 0 ? (e.clientX - rect.left) / rect.width : 0;
    controls.seek(timeAtFraction(fraction, span.from, span.to, span.intervalMs));
  };
  if (!enabled) return {};
  return {
    onPointerDown(e: React.PointerEvent<HTMLElement>) {
      if (e.button !== 0) return;
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      dragging.current = e.pointerId;
      seekTo(e);
    },
    onPointerMove(e: React.PointerEvent<HTMLElement>) {
      if (dragging.current === e.pointerId) seekTo(e);
    },
    onPointerUp(e: React.PointerEvent<HTMLElement>) {
      if (dragging.current === e.pointerId) dragging.current = undefined;
    },
    onPointerCancel(e: React.PointerEvent<HTMLElement>) {
      if (dragging.current === e.pointerId) dragging.current = undefined;
    },
  };
}
