import { useMemo } from 'react';
import { useDashboard } from './store-context';

/**
 * The servers named by any firing alert, to highlight wherever a server is drawn. The same set
 * while the same servers alert: a list of alerts changed but naming the same servers (an alert
 * resent on reconnecting, another rule on the same server) redraws none of the charts.
 */
export function useAlertingServers(): ReadonlySet<string> {
  const alerts = useDashboard((s) => s.alerts);
  const key = useMemo(
    () => JSON.stringify([...new Set(alerts.flatMap((a) => a.servers))].sort()),
    [alerts],
  );
  return useMemo(() => new Set(JSON.parse(key) as string[]), [key]);
}
