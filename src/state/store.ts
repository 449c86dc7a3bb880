/**
 * The one store of the page, built from slices. Actions are reachable outside React
 * (`dashboard.getState()`), so the socket client feeds it directly.
 */
import { createStore } from 'zustand/vanilla';
import { createAlertsSlice, type AlertsSlice } from './alerts-slice';
import { createAnnotationsSlice, type AnnotationsSlice } from './annotations-slice';
import { createBadInputSlice, type BadInputSlice } from './bad-input-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createNotesSlice, type NotesSlice } from './notes-slice';
import { createNotifySlice, type NotifySlice } from './notify-slice';
import { createReplaySlice, type ReplaySlice } from './replay-slice';
import { createSeriesSlice, type SeriesSlice } from './series-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

export type DashboardState = ConnectionSlice &
  BadInputSlice &
  AnnotationsSlice &
  SeriesSlice &
  ViewSlice &
  NotesSlice &
  AlertsSlice &
  ReplaySlice &
  NotifySlice;

export function createDashboardStore() {
  return createStore<DashboardState>()((...a) => ({
    ...createConnectionSlice(...a),
    ...createBadInputSlice(...a),
    ...createAnnotationsSlice(...a),
    ...createSeriesSlice(...a),
    ...createViewSlice(...a),
    ...createNotesSlice(...a),
    ...createAlertsSlice(...a),
    ...createReplaySlice(...a),
    ...createNotifySlice(...a),
  }));
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
