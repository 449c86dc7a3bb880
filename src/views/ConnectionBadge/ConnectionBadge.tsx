import { useDashboard } from '../store-context';

const WORDS = {
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
  stale: 'stale',
  offline: 'offline',
  replay: 'replay',
} as const;

/** The state of the feed, in a word anyone can read from across the room. */
export function ConnectionBadge() {
  const state = useDashboard((s) => s.connection);
  const detail = useDashboard((s) => s.connectionDetail);
  // which of several gateways (`?gateway=a,b`) the page is on
  const gateway = useDashboard((s) => s.gateway?.url);
  return (
    <span
      className={`connection connection-${state}`}
      data-testid="connection"
      data-state={state}
      data-gateway={gateway}
      title={detail}
      role="status"
    >
      <span className="connection-dot" aria-hidden="true" />
      {WORDS[state]}
      {detail && state !== 'live' && <span className="connection-detail"> · {detail}</span>}
    </span>
  );
}
