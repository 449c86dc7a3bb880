import { useEffect } from 'react';
import {
  pageTitle,
  selectPageMode,
  selectRecordingName,
  showsAlertIcon,
} from '../../state/page-title';
import { useDashboard } from '../store-context';

const FAVICON = '/favicon.svg';
const FAVICON_ALERT = '/favicon-alert.svg';

/** For the on-call tab in the background: what fires now in the title and the favicon. */
export function usePageTitle(): void {
  const alerts = useDashboard((s) => s.alerts);
  const mode = useDashboard(selectPageMode);
  const name = useDashboard(selectRecordingName);
  useEffect(() => {
    const input = { mode, alerts, name };
    document.title = pageTitle(input);
    const icon = document.querySelector<HTMLLinkElement>('link[rel=icon]');
    if (icon) icon.href = showsAlertIcon(input) ? FAVICON_ALERT : FAVICON;
  }, [alerts, mode, name]);
}
