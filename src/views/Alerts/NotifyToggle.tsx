import { requestNotifyPermission } from '../../state/browser-notifications';
import { notifyToggleState } from '../../state/notify-decision';
import { selectPageMode } from '../../state/page-title';
import { useDashboard, useDashboardStore } from '../store-context';

const WORDS = {
  on: 'on',
  off: 'off',
  blocked: 'blocked by the browser',
  unavailable: 'unavailable',
} as const;

/**
 * "Notify me of alerts": says whether it is on, turns it off and on again, and when the page
 * cannot notify says why rather than vanish.
 */
export function NotifyToggle() {
  const store = useDashboardStore();
  const permission = useDashboard((s) => s.notifyPermission);
  const unavailable = useDashboard((s) => s.notifyUnavailable);
  const choice = useDashboard((s) => s.notifyChoice);
  const replay = useDashboard((s) => selectPageMode(s) === 'replay');
  const state = notifyToggleState(permission, choice);
  const reason =
    state === 'unavailable'
      ? unavailable
      : state === 'blocked'
        ? "allow notifications for this site in the browser's settings"
        : undefined;

  const toggle = async () => {
    if (state === 'on') return store.getState().setNotifyChoice('off');
    // a refusal leaves the choice alone: the toggle shows "blocked" from the permission
    if ((await requestNotifyPermission(store)) === 'granted')
      store.getState().setNotifyChoice('on');
  };

  return (
    <span className="notify-toggle">
      <button
        type="button"
        data-testid="notify-toggle"
        data-state={state}
        aria-pressed={state === 'on'}
        disabled={state === 'blocked' || state === 'unavailable'}
        onClick={() => void toggle()}
      >
        Notify me of alerts: {WORDS[state]}
      </button>
      {reason !== undefined && (
        <span className="notify-reason" data-testid="notify-reason">
          {reason}
        </span>
      )}
      {state === 'on' && replay && (
        <span className="notify-reason" data-testid="notify-reason">
          silent during a replay
        </span>
      )}
    </span>
  );
}
