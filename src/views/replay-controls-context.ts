import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReplayControls } from '../state/replay-controls';

/** Where the page keeps the open recording's controller (beside the store, not in it). */
export const ReplayControlsContext = createContext<ReplayControls | null>(null);

export function useReplayControlsHolder(): ReplayControls {
  const controls = useContext(ReplayControlsContext);
  if (!controls)
    throw new Error('useReplayControlsHolder outside <ReplayControlsContext.Provider>');
  return controls;
}

/** The open recording's controller, re-rendering when another recording opens. */
export function useReplayControls() {
  const controls = useReplayControlsHolder();
  return useSyncExternalStore(controls.subscribe, controls.current);
}
