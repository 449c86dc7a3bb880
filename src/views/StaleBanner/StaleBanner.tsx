import { useEffect, useState } from 'react';
import { pageFrameLoop } from '../frame-loop';
import { useDashboard, useThrottledSeriesVersion } from '../store-context';
import { staleWords } from './stale-words';
import './stale-banner.css';

export interface StaleBannerProps {
  tz: string;
}

/**
 * Over the last data when the gateway is away: the heatmap and bars stay as they were (a wall
 * never goes blank), and this says since when nothing new has come.
 */
export function StaleBanner({ tz }: StaleBannerProps) {
  const connection = useDashboard((s) => s.connection);
  const quietSince = useDashboard((s) => s.quietSince);
  const series = useDashboard((s) => s.series);
  useThrottledSeriesVersion(1000);
  const now = useClockWhile(quietSince !== undefined, 1000);
  const words = staleWords({ connection, quietSince, newestT: series.newestT, now, tz });
  if (words === undefined) return null;
  return (
    <section
      className="stale-banner"
      data-testid="stale-banner"
      data-since={quietSince}
      role="alert"
      aria-label="Stale data"
    >
      <strong className="stale-headline">{words.headline}</strong>
      <span className="stale-detail">{words.detail}</span>
    </section>
  );
}

/** The wall clock, re-read every `ms` while `running` (the banner's "3 min ago"). */
function useClockWhile(running: boolean, ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    // the page's frame loop ticks it: a hidden tab, with nobody to read it, is left alone
    const tick = () => {
      setNow(Date.now());
      pageFrameLoop.mark(tick, { gapMs: ms });
    };
    pageFrameLoop.mark(tick, { gapMs: ms });
    return () => pageFrameLoop.cancel(tick);
  }, [running, ms]);
  return now;
}
