import { memo, useMemo } from 'react';
import { shareOutliers } from '../../core/share/share-outliers';
import { shareWindow } from '../../core/share/share-window';
import { selectLatencyWords, selectShareWindowMs } from '../../state/connection-slice';
import {
  selectViewEnd,
  useDashboard,
  useThrottledSelector,
  useThrottledSeriesVersion,
  useValueAfterPaint,
} from '../store-context';
import { useAlertingServers } from '../use-alerting-servers';
import { PoolShareChart } from './PoolShareChart';
import { groupByPool, shareCaption } from './share-caption';

export interface ShareBarsProps {
  kiosk: boolean;
}

const AFTER_PAINT = { afterPaint: true };
/** most servers drawn; a bigger pool shows those furthest off their share */
const MAX_ROWS = 60;

/** Each server's share of requests now against the share its weight should give it. */
export const ShareBars = memo(function ShareBars({ kiosk }: ShareBarsProps) {
  // after the next paint: a replay seek, a change of the firing alerts or a recording opened
  // paints the heatmap at once, and these bars (tens of ms of SVG) render in the frame after
  const version = useThrottledSeriesVersion(500, AFTER_PAINT);
  const alerting = useValueAfterPaint(useAlertingServers());
  const series = useValueAfterPaint(useDashboard((s) => s.series));
  // the detector's window, so the bars and the alert beside them state the same shares
  const windowMs = useDashboard(selectShareWindowMs);
  const latencyColumn = useDashboard(selectLatencyWords).column;
  // a pinned view shows the shares at its moment, not now
  const viewEndT = useThrottledSelector(selectViewEnd, 250, AFTER_PAINT);
  const window = useMemo(
    () => shareWindow(series, windowMs, viewEndT),
    // the series is mutated in place; the version says when it changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series, windowMs, version, viewEndT],
  );
  const all = window.shares;
  const rows = useMemo(() => shareOutliers(all, MAX_ROWS, alerting), [all, alerting]);
  const endSeq = window.endSeq;
  // the same elements while rows and alerts stand still, so React skips the chart entirely
  const section = useMemo(
    () => (
      <section className="panel share-panel" aria-label="Request share">
        <header className="panel-header">
          <h2>
            Share of requests vs weighted share
            {rows.length < all.length && (
              <span className="muted" data-testid="share-outliers">
                {' '}
                · the {rows.length} of {all.length} servers furthest off
              </span>
            )}
          </h2>
          <span className="legend-inline">
            <span className="swatch expected" /> expected <span className="swatch over" /> over{' '}
            <span className="swatch under" /> under
          </span>
        </header>
        <div
          className="share-body"
          data-testid="share-bars"
          data-version={version}
          data-window-ms={windowMs}
          data-seq={endSeq}
        >
          {groupByPool(rows).map((g) => (
            <PoolShareChart
              key={g.pool}
              pool={g.pool}
              caption={shareCaption(g.pool, windowMs)}
              rows={g.rows}
              alerting={alerting}
              latencyColumn={latencyColumn}
              kiosk={kiosk}
            />
          ))}
        </div>
      </section>
    ),
    [rows, all.length, alerting, latencyColumn, kiosk, version, windowMs, endSeq],
  );
  return section;
});
