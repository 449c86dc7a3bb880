import { useRef } from 'react';
import { formatClock } from '../../core/format/time-format';
import { useDashboard } from '../store-context';
import { useAlertsThatFit } from './use-alerts-that-fit';

/**
 * Every alert firing now, in plain words, where nobody can miss it. Messages wrap rather
 * than lose their cause; on a wall, alerts past the banner's height become "+N more".
 */
export function AlertBanner({ tz }: { tz: string }) {
  const alerts = useDashboard((s) => s.alerts);
  const bannerRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const layoutKey = alerts.map((a) => a.message).join('\n');
  const { shown, listPx } = useAlertsThatFit(bannerRef, listRef, alerts.length, layoutKey);
  if (alerts.length === 0) return null;
  const unshown = alerts.length - shown;
  return (
    <section ref={bannerRef} className="alert-banner" role="alert" aria-label="Firing alerts">
      <ul ref={listRef} style={listPx === undefined ? undefined : { height: listPx }}>
        {alerts.map((a, i) => (
          <li
            key={a.id}
            data-testid="alert"
            data-rule={a.rule}
            data-servers={a.servers.join(',')}
            data-cause={a.cause}
            data-shown={i < shown}
            className={i < shown ? undefined : 'alert-unshown'}
          >
            <span className="alert-rule">{a.rule}</span>
            <span className="alert-message">{a.message}</span>
            <span className="alert-since">since {formatClock(a.startT, tz)}</span>
          </li>
        ))}
      </ul>
      {unshown > 0 && (
        <p className="alert-more" data-testid="alert-more" data-count={unshown}>
          +{unshown} more
        </p>
      )}
    </section>
  );
}
