/**
 * A loaded recording under review: its frames in one typed-array store, its alerts computed
 * once on the frames' clock, and a cursor that play, scrub and step move. Moving the cursor
 * pins the view there and shows the alerts as they stood at that moment.
 */
import { buildAlertTimeline, NO_ALERTS, type AlertTimeline } from '../core/alert-timeline';
import type { Annotation, Frame, Hello } from '../core/protocol';
import { recordingOfWindow } from '../core/recording-window';
import { SeriesStore } from '../core/series-store';
import { alertAnnotations } from './alert-annotation';
import type { LoadedRecording } from './load-recording';
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
  exportWindow(from: number, to: number): string;
  dispose(): void;
}

export const REPLAY_SPEEDS = [1, 10, 30, 60, 120, 300, 600] as const;

interface Contents {
  hello: Hello;
  frames: Frame[];
  series: SeriesStore;
  annotations: Annotation[];
  detectorInput: ({ type: 'hello'; payload: Hello } | { type: 'frame'; payload: Frame })[];
}

function unpack(recording: LoadedRecording): Contents {
  const frameCount = recording.payloads.filter((p) => p.type === 'frame').length;
  const series = new SeriesStore({ capacity: Math.max(1, frameCount), maxAgeMs: Infinity });
  const annotations = new Map<string, Annotation>();
  const detectorInput: ({ type: 'hello'; payload: Hello } | { type: 'frame'; payload: Frame })[] =
    [];
  let hello: Hello | undefined;
  const frames: Frame[] = [];
  let seq = 0;
  for (const item of recording.payloads) {
    if (item.type === 'hello') {
      hello ??= item.payload;
      series.setServers(item.payload.servers);
      detectorInput.push(item);
    } else if (item.type === 'frame') {
      // a recording may span gateway restarts, each numbering afresh: number the frames anew
      const frame = { ...item.payload, seq: seq++ };
      if (series.push(frame).kind === 'appended') {
        frames.push(frame);
        detectorInput.push({ type: 'frame', payload: frame });
      }
    } else if (item.type === 'annotation') {
      annotations.set(item.payload.id, item.payload);
    } else {
      annotations.delete(item.payload.id);
    }
  }
  return {
    hello: hello!,
    frames,
    series,
    annotations: [...annotations.values()],
    detectorInput,
  };
}

export function startReplay(
  store: DashboardStore,
  recording: LoadedRecording,
  initialT?: number,
): ReplayController {
  const { hello, frames, series, annotations, detectorInput } = unpack(recording);
  // the frames show at once; the detector runs over them right after the first paint
  let alerts: AlertTimeline = NO_ALERTS;
  const state = store.getState;
  const startT = series.length > 0 ? series.oldestT : hello.now;
  const endT = series.length > 0 ? series.newestT : hello.now;
  const eventTimesWith = (timeline: AlertTimeline) =>
    [...new Set([...annotations.map((a) => a.t), ...timeline.events.map((e) => e.t)])]
      .filter((t) => t >= startT && t <= endT)
      .sort((a, b) => a - b);

  state().replaceSeries(series);
  state().setSource({ ...hello, mode: 'replay', source: `replay:${recording.name}` });
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
    for (const a of held) state().removeAnnotation(a.id);
    state().upsertLocalAnnotations(alertAnnotations(until));
    state().applyAlertEvents([], alerts.firingAt(t));
  };

  const clamp = (t: number) => Math.min(endT, Math.max(startT, t));
  const cursor0 = clamp(initialT ?? startT);
  state().setReplay({
    name: recording.name,
    startT,
    endT,
    intervalMs: hello.intervalMs,
    eventTimes: eventTimesWith(NO_ALERTS),
    alertsPending: true,
    cursor: cursor0,
    playing: false,
    speed: 60,
    ...(recording.warning !== undefined && { warning: recording.warning }),
  });
  applyCursor(cursor0);

  let alertTimer: ReturnType<typeof setTimeout> | undefined;
  const alertFrame = requestAnimationFrame(() => {
    alertTimer = setTimeout(() => {
      alerts = buildAlertTimeline(detectorInput);
      state().patchReplay({ eventTimes: eventTimesWith(alerts), alertsPending: false });
      shownAlertEvents = -1;
      applyCursor(state().replay?.cursor ?? cursor0);
    }, 0);
  });

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
      const next = clamp(t);
      state().patchReplay({ cursor: next });
      applyCursor(next);
    },
    play() {
      const replay = state().replay;
      if (!replay || replay.playing) return;
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
    exportWindow: (from, to) => recordingOfWindow(hello, annotations, frames, { from, to }),
    dispose() {
      stopLoop();
      cancelAnimationFrame(alertFrame);
      if (alertTimer !== undefined) clearTimeout(alertTimer);
    },
  };
  return controller;
}
