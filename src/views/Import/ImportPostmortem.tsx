import { useRef } from 'react';
import { importPostmortem } from '../../state/import-postmortem';
import { useDashboard, useDashboardStore } from '../store-context';

/** problems listed in the report; a document with thousands of bad lines names the first ones */
const PROBLEMS_SHOWN = 20;

/** "Import postmortem…": a markdown timeline from disk onto the time axis, and what came of it. */
export function ImportPostmortem() {
  const store = useDashboardStore();
  const input = useRef<HTMLInputElement>(null);
  const report = useDashboard((s) => s.lastImport);
  return (
    <div className="import-postmortem">
      <button type="button" onClick={() => input.current?.click()}>
        Import postmortem…
      </button>
      <input
        ref={input}
        type="file"
        accept=".md,.markdown,.txt,text/markdown,text/plain"
        data-testid="import-postmortem"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importPostmortem(store, file);
          e.target.value = '';
        }}
      />
      {report && (
        <div
          className="import-report"
          role="status"
          data-testid="import-report"
          data-imported={report.imported}
        >
          {report.imported} events from {report.file}
          {report.problems.length > 0 && (
            <ul className="import-problems" data-problems={report.problems.length}>
              {report.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                <li key={i}>
                  line {p.line}: {p.message}
                </li>
              ))}
              {report.problems.length > PROBLEMS_SHOWN && (
                <li>and {report.problems.length - PROBLEMS_SHOWN} more</li>
              )}
            </ul>
          )}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => store.getState().setLastImport(undefined)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
