import { importPostmortem } from '../../state/import-postmortem';
import { FilePickerButton } from '../FilePickerButton';
import { useDashboard, useDashboardStore } from '../store-context';

/** problems listed in the report; a document with thousands of bad lines names the first ones */
const PROBLEMS_SHOWN = 20;

/** "Import postmortem…": a markdown timeline from disk onto the time axis, and what came of it. */
export function ImportPostmortem() {
  const store = useDashboardStore();
  const report = useDashboard((s) => s.lastImport);
  return (
    <div className="import-postmortem">
      <FilePickerButton
        label="Import postmortem…"
        accept=".md,.markdown,.txt,text/markdown,text/plain"
        testId="import-postmortem"
        onFile={(file) => void importPostmortem(store, file)}
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
