/**
 * Bench page: the app (no live feed) opening a recording the way openRecording does, timed
 * step by step, then seeks to moments of it. Driven by test/bench/replay.ts.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { buildAlertTimeline } from '../../../src/core/recording/alert-timeline';
import { gunzip } from '../../../src/core/recording/gunzip';
import { parseRecording } from '../../../src/core/recording/recording';
import { loadRecordingUrl, type LoadedRecording } from '../../../src/state/load-recording';
import { createReplayControls } from '../../../src/state/replay-controls';
import { startReplay } from '../../../src/state/replay-session';
import { createDashboardStore } from '../../../src/state/store';
import { App } from '../../../src/views/App';
import { ReplayControlsContext } from '../../../src/views/replay-controls-context';
import { DashboardContext } from '../../../src/views/store-context';
import '../../../src/styles.css';
import { afterPaint, nextTask } from './timing';

export interface LoadTimes {
  /** loadRecordingUrl: fetch, gunzip when gzip, parse and validate every line (in a worker) */
  load: number;
  /** startReplay: the loaded store into the page, the view pinned */
  start: number;
  /** from the start until the frame showing the recording has painted */
  total: number;
  /** until the page is idle: the share bars (rendered after the heatmap) drawn too */
  settled: number;
  /** from the start until the detector's alerts are on screen too */
  alertsReady: number;
  frames: number;
}

export interface SeekTimes {
  /** controller.seek, with the heatmap's repaint it triggers */
  sync: number;
  /** until React has rendered what the seek changed (the task after) */
  rendered: number;
  /** until the next frame's rendering starts (the seek's canvas goes out in it) */
  frame: number;
  /** until the page is idle again: the share bars and table re-rendered too */
  settled: number;
}

export interface ReplayBench {
  load(url: string): Promise<LoadTimes>;
  /** seeks to each time of `at` in turn, one per frame */
  seek(at: number[]): Promise<SeekTimes[]>;
  /** the recording's span, once loaded */
  span(): { startT: number; endT: number };
  /** the text alone: bytes to text, JSON.parse of each line (the peer), parseRecording */
  floor(url: string): Promise<{
    fetch: number;
    gunzip: number;
    decode: number;
    jsonParse: number;
    parseRecording: number;
  }>;
  /** the detector over every frame of the recording, as startReplay runs it */
  detector(url: string): Promise<number>;
  /** loadRecordingUrl alone, held for show(): so the first render can be profiled alone */
  loadOnly(url: string): Promise<void>;
  /** startReplay of what loadOnly loaded, until the frame showing it has painted */
  show(): Promise<number>;
}

declare global {
  interface Window {
    replayBench: ReplayBench;
  }
}

const store = createDashboardStore();
const replayControls = createReplayControls();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardContext.Provider value={store}>
      <ReplayControlsContext.Provider value={replayControls}>
        <App kiosk={false} />
      </ReplayControlsContext.Provider>
    </DashboardContext.Provider>
  </StrictMode>,
);

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/** The recording's text, each step timed: the bytes, gunzip as the loader does it, decode. */
async function textOf(url: string) {
  const t0 = performance.now();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const t1 = performance.now();
  const plain = isGzip(bytes) ? gunzip(bytes).data : bytes;
  const t2 = performance.now();
  const text = new TextDecoder().decode(plain);
  const t3 = performance.now();
  return { text, fetch: t1 - t0, gunzip: t2 - t1, decode: t3 - t2 };
}

let held: LoadedRecording | undefined;

window.replayBench = {
  async load(url) {
    const state = store.getState;
    replayControls.replace(undefined);
    await afterPaint();
    const t0 = performance.now();
    const recording = await loadRecordingUrl(url, () => {});
    const t1 = performance.now();
    replayControls.replace(startReplay(store, recording));
    const t2 = performance.now();
    await afterPaint();
    const total = performance.now() - t0;
    await new Promise((resolve) => requestIdleCallback(resolve));
    const settled = performance.now() - t0;
    // the frames show first; the loader's worker runs the detector and the alerts follow
    await new Promise<void>((resolve) => {
      if (!state().replay?.alertsPending) return resolve();
      const unsubscribe = store.subscribe((s) => {
        if (s.replay?.alertsPending) return;
        unsubscribe();
        resolve();
      });
    });
    await afterPaint();
    const alertsReady = performance.now() - t0;
    const frames = recording.series.length;
    return { load: t1 - t0, start: t2 - t1, total, settled, alertsReady, frames };
  },

  async seek(at) {
    const controls = replayControls.current()!;
    const times: SeekTimes[] = [];
    for (const t of at) {
      await afterPaint();
      const t0 = performance.now();
      controls.seek(t);
      const t1 = performance.now();
      // the next frame's rendering (its paint follows in the same task) starts when its
      // animation-frame callbacks run: late if the main thread was busy at the vsync
      const frameStarts = new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(performance.now())),
      );
      await nextTask();
      const t2 = performance.now();
      const t3 = await frameStarts;
      await afterPaint();
      await new Promise((resolve) => requestIdleCallback(resolve));
      times.push({
        sync: t1 - t0,
        rendered: t2 - t0,
        frame: t3 - t0,
        settled: performance.now() - t0,
      });
    }
    return times;
  },

  span() {
    const replay = store.getState().replay!;
    return { startT: replay.startT, endT: replay.endT };
  },

  async floor(url) {
    const { text, fetch, gunzip, decode } = await textOf(url);
    const t1 = performance.now();
    const lines = text.split('\n');
    for (const line of lines) if (line !== '') JSON.parse(line);
    const t2 = performance.now();
    parseRecording(text);
    return { fetch, gunzip, decode, jsonParse: t2 - t1, parseRecording: performance.now() - t2 };
  },

  async loadOnly(url) {
    replayControls.replace(undefined);
    await afterPaint();
    held = await loadRecordingUrl(url, () => {});
  },

  async show() {
    const t0 = performance.now();
    replayControls.replace(startReplay(store, held!));
    held = undefined;
    await afterPaint();
    return performance.now() - t0;
  },

  async detector(url) {
    const { payloads } = parseRecording((await textOf(url)).text);
    const input = payloads.flatMap((p) => (p.type === 'hello' || p.type === 'frame' ? [p] : []));
    const start = performance.now();
    buildAlertTimeline(input);
    return performance.now() - start;
  },
};
