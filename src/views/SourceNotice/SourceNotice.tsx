import { useDashboard } from '../store-context';

/**
 * Why the page is empty when the source answers with nothing to show (a Prometheus query with
 * no series, and what its series need): said where the fleet would be, not only in a log.
 */
export function SourceNotice() {
  const notice = useDashboard((s) => s.sourceNotice);
  if (notice === undefined) return null;
  return (
    <p className="source-notice" data-testid="source-notice" role="status">
      Nothing to show yet. {notice}
    </p>
  );
}
