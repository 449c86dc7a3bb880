import { useDashboard } from '../store-context';

/** Payloads dropped for not matching the protocol: how many, and what was wrong last. */
export function BadInput() {
  const count = useDashboard((s) => s.badInputCount);
  const last = useDashboard((s) => s.lastBadInput);
  return (
    <span
      className={`bad-input${count > 0 ? ' has-bad-input' : ''}`}
      data-testid="bad-input"
      data-count={count}
      title={last?.error}
    >
      {count === 0 ? 'no bad input' : `${count} dropped`}
      {last && <span className="bad-input-last">: {last.error}</span>}
    </span>
  );
}
