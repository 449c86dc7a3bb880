import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getScenario } from '../../mocks/scenarios';
import { recordScenario } from '../../mocks/record-scenario';
import { buildAlertTimeline, type AlertTimeline } from '../core/recording/alert-timeline';
import { parseRecording } from '../core/recording/recording';
import { unpackRecording } from '../core/recording/recording-contents';
import type { LoadedRecording } from './load-recording';
import { startReplay, type ReplayController } from './replay-session';
import { createDashboardStore } from './store';

// the seed incident at 10 s frames, 09:30 to 10:50: across the load-balancer change
const text = recordScenario(getScenario('lb-misconfig'), { frames: 480 });
const contents = unpackRecording(parseRecording(text).payloads);
const timeline = buildAlertTimeline(contents.detectorInput);
const startT = contents.frames[0]!.t;
const endT = contents.frames.at(-1)!.t;
const skewFired = timeline.events.find((e) => e.rule === 'share-skew' && e.state === 'firing')!.t;
const CHANGE = Date.UTC(2024, 4, 15, 13, 55); // 09:55 UTC-4: the load-balancer change

/** The recording as the loader hands it over; its alerts when `alerts` settles. */
function recording(alerts: Promise<AlertTimeline> = Promise.resolve(timeline)) {
  const { hello, annotations } = unpackRecording(parseRecording(text).payloads);
  const disposed = { count: 0 };
  const loaded: LoadedRecording = {
    name: 'incident.ndjson',
    hello,
    series: unpackRecording(parseRecording(text).payloads).series,
    annotations,
    alerts,
    exportWindow: () => Promise.resolve(''),
    postmortemDraft: () => Promise.resolve(''),
    dispose: () => void disposed.count++,
  };
  return { loaded, disposed };
}

// the browser's animation frames and clock, driven by the test
let wall = 0;
let pending = new Map<number, FrameRequestCallback>();
let nextFrameId = 1;
/** `ms` of wall time pass, then the animation frames asked for run */
const animationFrame = (ms: number) => {
  wall += ms;
  const callbacks = [...pending.values()];
  pending = new Map();
  for (const callback of callbacks) callback(wall);
};

beforeEach(() => {
  wall = 1_000;
  pending = new Map();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    pending.set(nextFrameId, callback);
    return nextFrameId++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => pending.delete(id));
  vi.spyOn(performance, 'now').mockImplementation(() => wall);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A store showing the recording, settled: its alerts worked out. */
async function reviewing(initialT?: number) {
  const store = createDashboardStore();
  const { loaded, disposed } = recording();
  const controls = startReplay(store, loaded, initialT);
  await loaded.alerts;
  await Promise.resolve();
  const state = store.getState;
  return { store, state, controls, disposed, cursor: () => state().replay!.cursor };
}

const firingRules = (s: ReturnType<ReturnType<typeof createDashboardStore>['getState']>) =>
  s.alerts.map((a) => `${a.rule} ${a.servers.join(',')}`);

// a generous timeout: the deadlines inside are what a loaded machine needs, not the default 5 s
describe('a recording under review', { timeout: 60_000 }, () => {
  it('takes the page over: its frames, source and notes, paused where it was opened', async () => {
    const { state, cursor } = await reviewing(startT);
    expect(state().connection).toBe('replay');
    expect(state().source).toMatchObject({ mode: 'replay', source: 'replay:incident.ndjson' });
    expect(state().series.length).toBe(480);
    expect(state().replay).toMatchObject({ startT, endT, playing: false, speed: 60 });
    expect(cursor()).toBe(startT);
    expect(state().viewEndT).toBe(startT);
    expect(state().annotations.some((a) => a.t === CHANGE)).toBe(true);
    // every alert episode of the recording is known, whatever the cursor shows
    expect(state().replay!.alertEpisodes!.map((a) => a.t)).toContain(skewFired);
    expect(state().annotations.filter((a) => a.kind === 'alert')).toEqual([]);
  });

  it('opened without a time, lands on the first note, then on the first alert once known', async () => {
    const store = createDashboardStore();
    let settle!: (t: AlertTimeline) => void;
    const { loaded } = recording(new Promise((resolve) => (settle = resolve)));
    startReplay(store, loaded);
    const state = store.getState;
    // the recording's first note is the load-balancer change
    expect(state().replay!.cursor).toBe(CHANGE);
    settle(timeline);
    await loaded.alerts;
    await Promise.resolve();
    expect(state().replay!.cursor).toBe(skewFired);
    expect(state().viewEndT).toBe(skewFired);
    expect(firingRules(state())).toEqual(['share-skew app-04,app-07']);
  });

  it.each([
    { name: 'a seek', move: (c: ReplayController) => c.seek(startT + 60_000) },
    { name: 'a step', move: (c: ReplayController) => c.step(1) },
    { name: 'play', move: (c: ReplayController) => c.play() },
  ])('a reviewer who moved the cursor ($name) keeps it when the alerts come', async ({ move }) => {
    const store = createDashboardStore();
    let settle!: (t: AlertTimeline) => void;
    const { loaded } = recording(new Promise((resolve) => (settle = resolve)));
    const controls = startReplay(store, loaded);
    move(controls);
    controls.pause();
    const moved = store.getState().replay!.cursor;
    expect(moved).not.toBe(skewFired);
    settle(timeline);
    await loaded.alerts;
    await Promise.resolve();
    expect(store.getState().replay!.cursor).toBe(moved);
    controls.dispose();
  });

  it.each([
    { at: startT + 600_000, cursor: startT + 600_000 },
    { at: startT - 3_600_000, cursor: startT },
    { at: endT + 3_600_000, cursor: endT },
  ])('opens at ?t=$at, kept inside the recording', async ({ at, cursor: expected }) => {
    const { cursor, state } = await reviewing(at);
    expect(cursor()).toBe(expected);
    expect(state().viewEndT).toBe(expected);
  });

  it('plays: each animation frame moves the cursor by the wall time passed times the speed', async () => {
    const { controls, state, cursor } = await reviewing(startT);
    controls.play();
    expect(state().replay!.playing).toBe(true);
    animationFrame(1_000);
    expect(cursor()).toBe(startT + 60_000);
    controls.setSpeed(600);
    animationFrame(500);
    expect(cursor()).toBe(startT + 60_000 + 300_000);
    // the charts follow the cursor
    expect(state().viewEndT).toBe(cursor());
  });

  it('counts the moves made by hand (seek, step), not those of play: a view shows those at once', async () => {
    const { controls, state } = await reviewing(startT);
    const seeks = () => state().replay!.seeks;
    expect(seeks()).toBe(0);
    controls.play();
    animationFrame(1_000);
    animationFrame(1_000);
    expect(seeks()).toBe(0);
    controls.seek(startT + 600_000);
    expect(seeks()).toBe(1);
    controls.step(1);
    expect(seeks()).toBe(2);
  });

  it('pauses: no more animation frames are asked for, and the cursor stays', async () => {
    const { controls, state, cursor } = await reviewing();
    controls.play();
    animationFrame(1_000);
    controls.toggle();
    expect(state().replay!.playing).toBe(false);
    const paused = cursor();
    expect(pending.size).toBe(0);
    animationFrame(5_000);
    expect(cursor()).toBe(paused);
    // playing again starts from the pause, not from the wall time that passed meanwhile
    controls.toggle();
    animationFrame(100);
    expect(cursor()).toBe(paused + 6_000);
  });

  it('stops at the end, and play from the end starts over', async () => {
    const { controls, state, cursor } = await reviewing(endT - 60_000);
    controls.play();
    animationFrame(10_000);
    expect(cursor()).toBe(endT);
    expect(state().replay!.playing).toBe(false);
    expect(pending.size).toBe(0);
    controls.play();
    expect(cursor()).toBe(startT);
    expect(state().replay!.playing).toBe(true);
  });

  it('seeks within the recording, showing the alerts as they stood then', async () => {
    const { controls, state, cursor } = await reviewing(startT);
    controls.seek(skewFired - 10_000);
    expect(firingRules(state())).toEqual([]);
    controls.seek(skewFired);
    expect(cursor()).toBe(skewFired);
    expect(state().viewEndT).toBe(skewFired);
    expect(firingRules(state())).toEqual(['share-skew app-04,app-07']);
    // its episode is on the time axis from when it fired
    expect(state().annotations.filter((a) => a.kind === 'alert' && a.t === skewFired)).toHaveLength(
      1,
    );
    controls.seek(startT);
    expect(firingRules(state())).toEqual([]);
    expect(state().annotations.filter((a) => a.kind === 'alert')).toEqual([]);
    controls.seek(endT + 1);
    expect(cursor()).toBe(endT);
  });

  it('steps to the next and the previous event, pausing the play', async () => {
    const { controls, state, cursor } = await reviewing(CHANGE - 60_000);
    controls.play();
    controls.step(1);
    expect(state().replay!.playing).toBe(false);
    expect(cursor()).toBe(CHANGE);
    controls.step(1);
    // the next event is the detector's: the alert as it fired
    expect(cursor()).toBe(skewFired);
    expect(firingRules(state())).toEqual(['share-skew app-04,app-07']);
    controls.step(-1);
    expect(cursor()).toBe(CHANGE);
    expect(firingRules(state())).toEqual([]);
  });

  it("shows the frames at once and the detector's events when they are worked out", async () => {
    const store = createDashboardStore();
    let settle!: (t: AlertTimeline) => void;
    const { loaded } = recording(new Promise((resolve) => (settle = resolve)));
    const controls = startReplay(store, loaded, skewFired);
    const state = store.getState;
    expect(state().replay!.alertsPending).toBe(true);
    expect(state().series.length).toBe(480);
    expect(state().replay!.eventTimes).not.toContain(skewFired);
    expect(firingRules(state())).toEqual([]);
    settle(timeline);
    await loaded.alerts;
    await Promise.resolve();
    expect(state().replay!.alertsPending).toBe(false);
    expect(state().replay!.eventTimes).toContain(skewFired);
    // the cursor stood where the alert fired: it shows now
    expect(firingRules(state())).toEqual(['share-skew app-04,app-07']);
    controls.dispose();
  });

  it('lets the recording go on dispose, and stops playing', async () => {
    const { controls, disposed, cursor } = await reviewing();
    controls.play();
    controls.dispose();
    expect(disposed.count).toBe(1);
    expect(pending.size).toBe(0);
    const at = cursor();
    animationFrame(1_000);
    expect(cursor()).toBe(at);
  });
});
