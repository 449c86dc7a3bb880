import type { StateCreator } from 'zustand/vanilla';

/**
 * Which moment the charts show: the newest frame (following live), or a pinned time someone
 * moved to from the timeline.
 */
export interface ViewSlice {
  /** t of the rightmost heatmap column when pinned; undefined follows the newest frame */
  viewEndT: number | undefined;
  /** display zone chosen on the page (URL ?tz=); undefined = the incident's */
  displayZone: string | undefined;
  pinView: (endT: number | undefined) => void;
  setDisplayZone: (tz: string | undefined) => void;
}

export const createViewSlice: StateCreator<ViewSlice> = (set) => ({
  viewEndT: undefined,
  displayZone: undefined,
  pinView: (viewEndT) => set({ viewEndT }),
  setDisplayZone: (displayZone) => set({ displayZone }),
});
