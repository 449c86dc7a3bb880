import type { StateCreator } from 'zustand/vanilla';

/** Payloads dropped because they did not match the protocol (CONTRACT: Bad input). */
export interface BadInputSlice {
  badInputCount: number;
  lastBadInput: { error: string; at: number } | undefined;
  reportBadInput: (error: string) => void;
}

export const createBadInputSlice: StateCreator<BadInputSlice> = (set) => ({
  badInputCount: 0,
  lastBadInput: undefined,
  reportBadInput: (error) =>
    set((s) => ({ badInputCount: s.badInputCount + 1, lastBadInput: { error, at: Date.now() } })),
});
