/**
 * The view as a PNG (heatmap, markers, bars, alerts, time range), for the postmortem
 * document: what "Snapshot" saves, and the image beside a review's postmortem draft.
 */
import { shareWindow } from '../../core/share/share-window';
import { formatClock, formatDateTime } from '../../core/format/time-format';
import { rangeBetween } from '../../state/annotation-list';
import { selectLatencyWords, selectShareWindowMs } from '../../state/connection-slice';
import { shownWindowOf } from '../../state/shown-window';
import { ANNOTATION_STYLE } from '../annotation-style';
import { timeWindow, xFraction } from '../Heatmap/heatmap-geometry';
import type { DashboardStore } from '../../state/store';
import {
  composeSnapshot,
  snapshotHeight,
  SNAPSHOT_WIDTH,
  type SnapshotContent,
} from './compose-snapshot';

/** The PNG of the view and a file name saying its range; undefined when nothing is drawn. */
export function snapshotPng(
  store: DashboardStore,
  tz: string,
): Promise<{ blob: Blob; name: string } | undefined> {
  const s = store.getState();
  const heatmap = document.querySelector<HTMLCanvasElement>('[data-testid=heatmap] canvas');
  const shown = shownWindowOf(s);
  const endT = shown.to;
  if (!heatmap || Number.isNaN(endT)) return Promise.resolve(undefined);
  const g = { columns: shown.columns, intervalMs: shown.columnMs, newestT: endT };
  const startT = shown.from;
  const alerting = new Set(s.alerts.flatMap((a) => a.servers));
  const content: SnapshotContent = {
    title: `Skewboard · ${s.source?.source ?? ''}`,
    range: `${formatDateTime(startT, tz)} to ${formatDateTime(endT, tz)}`,
    alerts: s.alerts.map((a) => `${a.rule}: ${a.message}`),
    heatmap,
    rows: s.series.servers.map((x) => ({ id: x.label ?? x.id, alerting: alerting.has(x.id) })),
    markers: s.annotations.slice(...rangeBetween(s.annotations, ...timeWindow(g))).map((a) => ({
      x: xFraction(a.t, g),
      colour: ANNOTATION_STYLE[a.kind].colour,
      label: a.title,
    })),
    ticks: [0, 0.25, 0.5, 0.75, 1].map((x) => ({
      x,
      label: formatClock(startT + x * (endT - startT), tz),
    })),
    shares: shareWindow(s.series, selectShareWindowMs(s), endT).shares,
    latencyFigure: selectLatencyWords(s).figure,
  };
  const canvas = document.createElement('canvas');
  canvas.width = SNAPSHOT_WIDTH;
  canvas.height = snapshotHeight(content);
  composeSnapshot(canvas.getContext('2d')!, content);
  const name = `skewboard-${new Date(startT).toISOString()}-${new Date(endT).toISOString()}.png`;
  return new Promise((resolve) =>
    canvas.toBlob(
      (blob) => resolve(blob ? { blob, name: name.replace(/:/g, '') } : undefined),
      'image/png',
    ),
  );
}
