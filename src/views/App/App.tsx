import { lazy, Suspense } from 'react';
import { isKnownZone } from '../../core/format/time-format';
import { AlertBanner, NotifyToggle, usePageTitle } from '../Alerts';
import { BadInput } from '../BadInput';
import { Clock } from '../Clock';
import { ConnectionBadge } from '../ConnectionBadge';
import { FeedGaps } from '../FeedGaps';
import { Heatmap } from '../Heatmap';
import { useFileDrop } from '../Import';
import { NoteForm } from '../Notes';
import { OpenRecording, ReplayBar } from '../Replay';
import { ExportWindowButton } from '../ExportWindow';
import { PostmortemDraftButton } from '../Postmortem';
import { SnapshotButton } from '../Snapshot';
import { ShortcutsHelp, useHelpKey } from '../Shortcuts';
import { SourceNotice } from '../SourceNotice';
import { StaleBanner } from '../StaleBanner';
import { useDashboard } from '../store-context';
import { TimelineStrip } from '../Timeline';
import { ZoneSwitch } from '../ZoneSwitch';
import { useNoteShortcut } from './use-note-shortcut';

// recharts is most of the page's weight: it loads after the first paint of everything else
const ShareBars = lazy(() => import('../ShareBars').then((m) => ({ default: m.ShareBars })));

export interface AppProps {
  /** wall display: no controls, larger type */
  kiosk: boolean;
}

/** The dashboard: what is connected, the heatmap, the share bars, the timeline. */
export function App({ kiosk }: AppProps) {
  const source = useDashboard((s) => s.source);
  const chosen = useDashboard((s) => s.displayZone);
  useNoteShortcut(!kiosk);
  useFileDrop(!kiosk);
  usePageTitle();
  const [helpOpen, setHelpOpen] = useHelpKey(!kiosk);
  const replaying = useDashboard((s) => s.replay !== undefined);
  // the first zone that can be read: the one chosen, the incident's, else UTC
  const zone = [chosen, source?.tz].find((z) => z !== undefined && isKnownZone(z)) ?? 'UTC';
  const unreadable = [chosen, source?.tz].find((z) => z !== undefined && !isKnownZone(z));
  return (
    <div className={kiosk ? 'app kiosk' : 'app'}>
      <header className="app-header">
        <h1>Skewboard</h1>
        <span className="source-name">{source?.source ?? 'waiting for the gateway…'}</span>
        <Clock zone={zone} />
        {!kiosk && <ZoneSwitch zone={zone} />}
        {unreadable !== undefined && (
          <span className="zone-warning" role="alert">
            unknown time zone {JSON.stringify(unreadable)}: showing {zone}
          </span>
        )}
        <span className="header-spacer" />
        <FeedGaps />
        <BadInput />
        <ConnectionBadge />
      </header>
      {!kiosk && (
        <nav className="app-toolbar" aria-label="Actions">
          <OpenRecording />
          <span className="header-spacer" />
          <SnapshotButton tz={zone} />
          <PostmortemDraftButton tz={zone} />
          <ExportWindowButton />
          <NotifyToggle />
          <button
            type="button"
            onClick={() => setHelpOpen(true)}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            ?
          </button>
        </nav>
      )}
      <ReplayBar tz={zone} kiosk={kiosk} />
      <StaleBanner tz={zone} />
      <AlertBanner tz={zone} />
      <SourceNotice />
      <main className="app-main">
        <div className="app-column">
          <Heatmap tz={zone} kiosk={kiosk} />
          <TimelineStrip tz={zone} kiosk={kiosk} />
        </div>
        <Suspense fallback={<section className="panel share-panel" aria-busy="true" />}>
          <ShareBars kiosk={kiosk} />
        </Suspense>
      </main>
      {!kiosk && <NoteForm tz={zone} />}
      {helpOpen && <ShortcutsHelp replaying={replaying} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
