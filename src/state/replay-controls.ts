/**
 * The open recording's controller, held beside the store rather than in it: the store holds
 * data, and an object that does things (a replay clock) calls its actions from outside.
 */
import type { ReplayController } from './replay-session';

export interface ReplayControls {
  /** the open recording's controller; undefined when none is open */
  current(): ReplayController | undefined;
  /** holds `next`, disposing the one held before */
  replace(next: ReplayController | undefined): void;
  /** called after each replace; returns the unsubscribe */
  subscribe(listener: () => void): () => void;
}

export function createReplayControls(): ReplayControls {
  let held: ReplayController | undefined;
  const listeners = new Set<() => void>();
  return {
    current: () => held,
    replace(next) {
      if (next === held) return;
      held?.dispose();
      held = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
