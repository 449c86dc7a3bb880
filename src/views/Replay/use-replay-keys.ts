import { useEffect } from 'react';
import { REPLAY_SPEEDS } from '../../state/replay-session';
import { isTyping } from '../is-typing';
import { useReplayControlsHolder } from '../replay-controls-context';
import { useDashboardStore } from '../store-context';

const jumpToTime = () => document.querySelector<HTMLInputElement>('input[name=jump]')?.focus();

/** The replay's keyboard: see REPLAY_KEYS; `?` is the page's own (useHelpKey). */
export function useReplayKeys(enabled: boolean): void {
  const store = useDashboardStore();
  const controls = useReplayControlsHolder();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const replay = store.getState().replay;
      const c = controls.current();
      if (!replay || !c || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const minute = 60_000 * (e.shiftKey ? 10 : 1);
      const speedIndex = REPLAY_SPEEDS.indexOf(replay.speed as (typeof REPLAY_SPEEDS)[number]);
      const actions: Record<string, () => void> = {
        ' ': () => c.toggle(),
        ArrowLeft: () => c.seek(replay.cursor - minute),
        ArrowRight: () => c.seek(replay.cursor + minute),
        '[': () => c.step(-1),
        ']': () => c.step(1),
        '-': () => c.setSpeed(REPLAY_SPEEDS[Math.max(0, speedIndex - 1)]!),
        '+': () => c.setSpeed(REPLAY_SPEEDS[Math.min(REPLAY_SPEEDS.length - 1, speedIndex + 1)]!),
        '=': () => c.setSpeed(REPLAY_SPEEDS[Math.min(REPLAY_SPEEDS.length - 1, speedIndex + 1)]!),
        Home: () => c.seek(replay.startT),
        End: () => c.seek(replay.endT),
        g: jumpToTime,
        // Shift or Caps Lock: the help says G, and either is what a user types
        G: jumpToTime,
      };
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, controls, enabled]);
}
