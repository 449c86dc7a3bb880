import { useDashboard, useThrottledSeriesVersion } from '../store-context';

/**
 * Frames the page never got (a reconnect past the gateway's buffer): said plainly, so nobody
 * reads a hole in the heatmap as a quiet server.
 */
export function FeedGaps() {
  useThrottledSeriesVersion(500);
  const series = useDashboard((s) => s.series);
  const missed = series.missedFrames;
  return (
    <span
      className={missed > 0 ? 'feed-gaps has-gaps' : 'feed-gaps'}
      data-testid="feed"
      data-newest-seq={series.newestSeq}
      data-missed-frames={missed}
    >
      {missed > 0 ? `${missed} frames missed` : ''}
    </span>
  );
}
