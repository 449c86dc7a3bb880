/** The person's notification choice, remembered per browser (localStorage). */
import type { NotifyChoice } from './notify-decision';
import type { DashboardStore } from './store';

const KEY = 'skewboard.notify';

/** what localStorage offers; absent or throwing where storage is off (private modes, policies) */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readNotifyChoice(storage: ChoiceStorage | undefined): NotifyChoice {
  try {
    const value = storage?.getItem(KEY);
    return value === 'on' || value === 'off' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Loads the remembered choice into the store and saves each change. Returns the unsubscribe. */
export function rememberNotifyChoice(
  store: DashboardStore,
  storage: ChoiceStorage | undefined,
): () => void {
  store.getState().setNotifyChoice(readNotifyChoice(storage));
  return store.subscribe((s, prev) => {
    if (s.notifyChoice === prev.notifyChoice) return;
    try {
      if (s.notifyChoice === undefined) storage?.removeItem(KEY);
      else storage?.setItem(KEY, s.notifyChoice);
    } catch {
      // storage full or off: the choice holds for this tab only
    }
  });
}
