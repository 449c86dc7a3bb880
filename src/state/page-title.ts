/**
 * What the tab says, for the on-call engineer with the tab in the background: live, a ⚠ and
 * how many alerts fire; a replay says it is one and never looks like a live alert.
 */
import type { Alert } from '../core/detector';
import type { DashboardState } from './store';
import type { PageMode } from './notify-decision';

export const PLAIN_TITLE = 'Skewboard';

/** a recording under review, whether this page or the gateway replays it */
export const selectPageMode = (s: DashboardState): PageMode =>
  s.replay !== undefined || s.source?.mode === 'replay' ? 'replay' : 'live';

/** the recording's name: the page's own, or the file a gateway replays (`replay:<file>`) */
export const selectRecordingName = (s: DashboardState): string | undefined =>
  s.replay?.name ??
  (s.source?.mode === 'replay' ? s.source.source.replace(/^replay:/, '') : undefined);

export interface TitleInput {
  mode: PageMode;
  /** the alerts firing now (in a replay: at the cursor) */
  alerts: readonly Alert[];
  /** the recording's name or the gateway's source, for a replay */
  name: string | undefined;
}

export function pageTitle({ mode, alerts, name }: TitleInput): string {
  if (mode === 'replay') return `Replay${name ? `: ${name}` : ''} · ${PLAIN_TITLE}`;
  const first = alerts[0];
  if (!first) return PLAIN_TITLE;
  return `⚠ ${alerts.length} firing · ${first.rule}: ${first.servers.join(', ')} · ${PLAIN_TITLE}`;
}

/** the alert favicon, like the ⚠, only for what fires now */
export const showsAlertIcon = ({ mode, alerts }: TitleInput): boolean =>
  mode === 'live' && alerts.length > 0;
