import { formatClock } from '../../core/time-format';
import { useDashboard } from '../store-context';

/** Every alert firing now, in plain words, where nobody can miss it. */
export function AlertBanner({ tz }: { tz: string }) {
  const alerts = useDashboard((s) => s.alerts);
  if (alerts.length === 0) return null;
  return (
    <section className="alert-banner" role="alert" aria-label="Firing alerts">
      <ul>
        {alerts.map((a) => (
          <li
            key={a.id}
            data-testid="alert"
            data-rule={a.rule}
            data-servers={a.servers.join(',')}
            data-cause={a.cause}
          >
            <span className="alert-rule">{a.rule}</span>
            <span className="alert-message" title={a.message}>
              {a.message}
            </span>
            <span className="alert-since">since {formatClock(a.startT, tz)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
