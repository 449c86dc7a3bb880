import type { StateCreator } from 'zustand/vanilla';
import type { Annotation } from '../core/protocol/protocol';

/** A recording under review: its span, its events, and where the cursor is. */
export interface ReplayState {
  name: string;
  startT: number;
  endT: number;
  intervalMs: number;
  /** times of the annotations and alert transitions, sorted: what "step" moves between */
  eventTimes: number[];
  /** true until the detector has run over the recording */
  alertsPending?: boolean;
  /** every alert episode over the whole recording, whatever the cursor (the overview's) */
  alertEpisodes?: Annotation[];
  cursor: number;
  /** how many times the cursor was moved by hand (a seek), not by play: shown at once */
  seeks: number;
  playing: boolean;
  /** simulated ms per wall ms */
  speed: number;
  warning?: string;
}

export interface ReplaySlice {
  replay: ReplayState | undefined;
  /** 0..1 while a recording loads; undefined otherwise */
  replayLoading: { name: string; fraction: number } | undefined;
  /** why the last load failed */
  replayError: string | undefined;
  setReplay: (replay: ReplayState | undefined) => void;
  patchReplay: (patch: Partial<ReplayState>) => void;
  setReplayLoading: (loading: ReplaySlice['replayLoading']) => void;
  setReplayError: (error: string | undefined) => void;
}

export const createReplaySlice: StateCreator<ReplaySlice> = (set) => ({
  replay: undefined,
  replayLoading: undefined,
  replayError: undefined,
  setReplay: (replay) => set({ replay }),
  patchReplay: (patch) => set((s) => (s.replay ? { replay: { ...s.replay, ...patch } } : {})),
  setReplayLoading: (replayLoading) => set({ replayLoading }),
  setReplayError: (replayError) => set({ replayError }),
});
