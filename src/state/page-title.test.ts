import { describe, expect, it } from 'vitest';
import type { Alert } from '../core/detector';
import type { Hello } from '../core/protocol/protocol';
import { pageTitle, selectRecordingName, showsAlertIcon, type TitleInput } from './page-title';
import { createDashboardStore } from './store';

const alert = (rule: Alert['rule'], servers: string[]): Alert => ({
  id: `${rule}:${servers.join(',')}`,
  rule,
  servers,
  cause: 'unknown',
  message: '',
  startT: 0,
});
const skew = alert('share-skew', ['app-04', 'app-07']);
const down = alert('server-down', ['app-02']);

describe('pageTitle', () => {
  it.each<{ input: TitleInput; title: string; icon: boolean }>([
    { input: { mode: 'live', alerts: [], name: undefined }, title: 'Skewboard', icon: false },
    {
      input: { mode: 'live', alerts: [skew], name: undefined },
      title: '⚠ 1 firing · share-skew: app-04, app-07 · Skewboard',
      icon: true,
    },
    {
      input: { mode: 'live', alerts: [skew, down], name: undefined },
      title: '⚠ 2 firing · share-skew: app-04, app-07 · Skewboard',
      icon: true,
    },
    {
      input: { mode: 'replay', alerts: [], name: 'incident.ndjson.gz' },
      title: 'Replay: incident.ndjson.gz · Skewboard',
      icon: false,
    },
    // the alerts at the cursor of a recording are history, not a page for on-call
    {
      input: { mode: 'replay', alerts: [skew, down], name: 'incident.ndjson.gz' },
      title: 'Replay: incident.ndjson.gz · Skewboard',
      icon: false,
    },
    {
      input: { mode: 'replay', alerts: [skew], name: undefined },
      title: 'Replay · Skewboard',
      icon: false,
    },
  ])('$title', ({ input, title, icon }) => {
    expect(pageTitle(input)).toBe(title);
    expect(showsAlertIcon(input)).toBe(icon);
    if (input.mode === 'replay') expect(pageTitle(input)).not.toContain('⚠');
  });
});

describe('selectRecordingName', () => {
  const hello = (mode: 'live' | 'replay', source: string): Hello => ({
    v: 1,
    source,
    mode,
    intervalMs: 10_000,
    servers: [],
    now: 0,
  });
  it.each([
    { mode: 'replay' as const, source: 'replay:incident.ndjson.gz', want: 'incident.ndjson.gz' },
    { mode: 'live' as const, source: 'sim:lb-misconfig', want: undefined },
  ])('$source -> $want', ({ mode, source, want }) => {
    const store = createDashboardStore();
    store.getState().setSource(hello(mode, source));
    expect(selectRecordingName(store.getState())).toBe(want);
  });
});
