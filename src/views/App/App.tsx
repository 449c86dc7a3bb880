import { formatDateTime, isKnownZone } from '../../core/time-format';
import { BadInput } from '../BadInput';
import { ConnectionBadge } from '../ConnectionBadge';
import { FeedGaps } from '../FeedGaps';
import { Heatmap } from '../Heatmap';
import { ShareBars } from '../ShareBars';
import { useDashboard, useThrottledSeriesVersion } from '../store-context';

export interface AppProps {
  kiosk: boolean;
  /** display zone from the URL; else the incident's, else UTC */
  tz?: string;
}

/** The dashboard: what is connected, the heatmap, the share bars. */
export function App({ kiosk, tz }: AppProps) {
  const source = useDashboard((s) => s.source);
  const series = useDashboard((s) => s.series);
  useThrottledSeriesVersion(1000);
  // the first zone that can be read: the URL's, the incident's, else UTC
  const zone = [tz, source?.tz].find((z) => z !== undefined && isKnownZone(z)) ?? 'UTC';
  const unreadable = [tz, source?.tz].find((z) => z !== undefined && !isKnownZone(z));
  const newest = series.newestT;
  return (
    <div className={kiosk ? 'app kiosk' : 'app'}>
      <header className="app-header">
        <h1>Skewboard</h1>
        <span className="source-name">{source?.source ?? 'waiting for the gateway…'}</span>
        <span className="clock" data-testid="clock">
          {Number.isNaN(newest) ? '' : formatDateTime(newest, zone)}
        </span>
        {unreadable !== undefined && (
          <span className="zone-warning" role="alert">
            unknown time zone {JSON.stringify(unreadable)}: showing {zone}
          </span>
        )}
        <span className="header-spacer" />
        <FeedGaps />
        <BadInput />
        <ConnectionBadge />
      </header>
      <main className="app-main">
        <Heatmap tz={zone} kiosk={kiosk} />
        <ShareBars kiosk={kiosk} />
      </main>
    </div>
  );
}
