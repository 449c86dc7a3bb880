import { useMemo } from 'react';
import { useDashboard } from './store-context';

/** The servers named by any firing alert, to highlight wherever a server is drawn. */
export function useAlertingServers(): ReadonlySet<string> {
  const alerts = useDashboard((s) => s.alerts);
  return useMemo(() => new Set(alerts.flatMap((a) => a.servers)), [alerts]);
}
