import { formatDuration } from '../../core/series/time-window';
import { defaultWindowMs } from '../../state/shown-window';
import { searchWithWindow } from '../../state/url-params';
import { useDashboard, useDashboardStore } from '../store-context';

const MIN = 60_000;
/** the windows offered; ?window= takes any other */
const CHOICES = [15 * MIN, 60 * MIN, 120 * MIN, 360 * MIN];

/**
 * How much time the heatmap spans: 15m, 1h, 2h or 6h. Live, a choice follows the newest
 * frame (Grafana's "last 15 minutes"); in a review the cursor stays. Kept in the address.
 */
export function WindowChooser() {
  const store = useDashboardStore();
  const chosen = useDashboard((s) => s.windowMs ?? defaultWindowMs(s.source?.intervalMs ?? 1000));
  const ranged = useDashboard((s) => s.rangeMs !== undefined);
  const choose = (windowMs: number) => {
    const s = store.getState();
    if (s.replay === undefined) s.pinView(undefined);
    s.setWindow(windowMs);
    const search = searchWithWindow(window.location.search, windowMs);
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  };
  return (
    <div
      className="window-chooser"
      role="group"
      aria-label="Time window"
      data-testid="window-chooser"
    >
      {CHOICES.map((ms) => (
        <button
          key={ms}
          type="button"
          aria-pressed={!ranged && ms === chosen}
          data-window={formatDuration(ms)}
          onClick={() => choose(ms)}
        >
          {formatDuration(ms)}
        </button>
      ))}
    </div>
  );
}
