/**
 * A loaded recording under review: its frames in one typed-array store, its alerts computed
 * once on the frames' clock, and a cursor that play, scrub and step move. Moving the cursor
 * pins the view there and shows the alerts as they stood at that moment. Opened without a
 * time, it lands on the incident (replay-landing.ts), once the alerts are known.
 */
import { NO_ALERTS, type AlertTimeline } from '../core/recording/alert-timeline';
import type { DraftOptions } from '../core/postmortem/draft';
import { alertAnnotations } from './alert-annotation';
import type { LoadedRecording } from './load-recording';
import { landingTime } from './replay-landing';
import type { DashboardStore } from './store';

export interface ReplayController {
  seek(t: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(speed: number): void;
  /** to the next (+1) or previous (-1) annotation or alert transition */
  step(direction: 1 | -1): void;
  /** the recording's frames and annotations between two times, as a recording */
  exportWindow(from: number, to: number): Promise<string>;
  /** the postmortem draft of the recording (the options of `skewboard postmortem`, and an image) */
  postmortemDraft(options: DraftOptions): Promise<string>;
  dispose(): void;
}

export const REPLAY_SPEEDS = [1, 10, 30, 60, 120, 300, 600] as const;

export function startReplay(
  store: DashboardStore,
  recording: LoadedRecording,
  initialT?: number,
): ReplayController {
  const { hello, series, annotations } = recording;
  // the frames show at once; the alerts follow when the loader's worker has worked them out
  let alerts: AlertTimeline = NO_ALERTS;
  let disposed = false;
  const state = store.getState;
  const startT = series.length > 0 ? series.oldestT : hello.now;
  const endT = series.length > 0 ? series.newestT : hello.now;
  const eventTimesWith = (timeline: AlertTimeline) =>
    [...new Set([...annotations.map((a) => a.t), ...timeline.events.map((e) => e.t)])]
      .filter((t) => t >= startT && t <= endT)
      .sort((a, b) => a - b);

  state().replaceSeries(series);
  // the page's own detector judges a replay, with its own window, whatever the recording's was
  const recorded = { ...hello };
  delete recorded.shareWindowMs;
  state().setSource({ ...recorded, mode: 'replay', source: `replay:${recording.name}` });
  state().setConnection('replay');
  state().resetAlerts();
  state().clearAnnotations();
  state().upsertLocalAnnotations(annotations);

  let shownAlertEvents = -1;
  const applyCursor = (t: number) => {
    state().pinView(t);
    const until = alerts.eventsUntil(t);
    if (until.length === shownAlertEvents) return;
    // the alerts as they stood at t: those fired by then, their regions closed if resolved
    shownAlertEvents = until.length;
    const held = state().annotations.filter((a) => a.kind === 'alert' && a.source === 'detector');
    state().removeAnnotations(held.map((a) => a.id));
    state().upsertLocalAnnotations(alertAnnotations(until));
    state().applyAlertEvents([], alerts.firingAt(t));
  };

  const clamp = (t: number) => Math.min(endT, Math.max(startT, t));
  // without a time asked for, the cursor lands on the incident until someone moves it: on the
  // first note now, on the first alert once the detector has found it
  let landing = initialT === undefined;
  const cursor0 = clamp(
    initialT ?? landingTime({ startT, endT, annotations, alertEvents: NO_ALERTS.events }),
  );
  state().setReplay({
    name: recording.name,
    startT,
    endT,
    intervalMs: hello.intervalMs,
    eventTimes: eventTimesWith(NO_ALERTS),
    alertsPending: true,
    cursor: cursor0,
    seeks: 0,
    playing: false,
    speed: 60,
    ...(recording.warning !== undefined && { warning: recording.warning }),
  });
  applyCursor(cursor0);

  recording.alerts.then(
    (timeline) => {
      if (disposed) return;
      alerts = timeline;
      const landed = landing
        ? { cursor: landingTime({ startT, endT, annotations, alertEvents: alerts.events }) }
        : {};
      state().patchReplay({
        eventTimes: eventTimesWith(alerts),
        alertEpisodes: alertAnnotations(alerts.events),
        alertsPending: false,
        ...landed,
      });
      shownAlertEvents = -1;
      applyCursor(state().replay?.cursor ?? cursor0);
    },
    (err: unknown) => {
      if (disposed) return;
      state().patchReplay({
        alertsPending: false,
        warning: `the alerts could not be worked out: ${err instanceof Error ? err.message : String(err)}`,
      });
    },
  );

  let frameId: number | undefined;
  let lastWall = 0;
  const tick = (now: number) => {
    const replay = state().replay;
    if (!replay?.playing) return;
    const next = clamp(replay.cursor + (now - lastWall) * replay.speed);
    lastWall = now;
    state().patchReplay({ cursor: next, playing: next < endT });
    applyCursor(next);
    if (next < endT) frameId = requestAnimationFrame(tick);
  };
  const stopLoop = () => {
    if (frameId !== undefined) cancelAnimationFrame(frameId);
    frameId = undefined;
  };

  const controller: ReplayController = {
    seek(t) {
      landing = false;
      const next = clamp(t);
      state().patchReplay({ cursor: next, seeks: (state().replay?.seeks ?? 0) + 1 });
      applyCursor(next);
    },
    play() {
      const replay = state().replay;
      if (!replay || replay.playing) return;
      landing = false;
      // from the end, play starts over
      if (replay.cursor >= endT) controller.seek(startT);
      state().patchReplay({ playing: true });
      lastWall = performance.now();
      stopLoop();
      frameId = requestAnimationFrame(tick);
    },
    pause() {
      stopLoop();
      state().patchReplay({ playing: false });
    },
    toggle() {
      if (state().replay?.playing) controller.pause();
      else controller.play();
    },
    setSpeed(speed) {
      state().patchReplay({ speed });
    },
    step(direction) {
      const cursor = state().replay?.cursor ?? startT;
      const eventTimes = state().replay?.eventTimes ?? [];
      const target =
        direction > 0
          ? eventTimes.find((t) => t > cursor)
          : [...eventTimes].reverse().find((t) => t < cursor);
      if (target !== undefined) {
        controller.pause();
        controller.seek(target);
      }
    },
    exportWindow: (from, to) => recording.exportWindow(from, to),
    postmortemDraft: (options) => recording.postmortemDraft(options),
    dispose() {
      disposed = true;
      stopLoop();
      recording.dispose();
    },
  };
  return controller;
}
