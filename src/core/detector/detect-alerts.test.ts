import { describe, expect, it } from 'vitest';
import { createAlertFeed, detectAlerts, type DetectorItem } from './detect-alerts';
import { seedFrame as frame, seedHello as hello } from './fixtures';

const FRAMES: DetectorItem[] = Array.from({ length: 40 }, (_, i) => ({
  type: 'frame',
  payload: frame(i),
}));
const RECORDING: DetectorItem[] = [{ type: 'hello', payload: hello }, ...FRAMES];

describe('detectAlerts', () => {
  const events = detectAlerts(RECORDING);

  it('fires share-skew on app-04 and app-07 and resolves it later, on frame time', () => {
    expect(events.map((e) => [e.state, e.rule, e.servers.join(',')])).toEqual([
      ['firing', 'share-skew', 'app-04,app-07'],
      ['resolved', 'share-skew', 'app-04,app-07'],
    ]);
    expect(events[0]!.t).toBeGreaterThan(frame(6).t);
    expect(events[1]!.t).toBeGreaterThan(frame(29).t);
  });

  it("passes over a recording's other lines", () => {
    const other: DetectorItem[] = [{ type: 'annotation' }, { type: 'alert' }];
    const mixed = RECORDING.flatMap((item) => [item, ...other]);
    expect(detectAlerts(mixed)).toEqual(events);
  });

  it("takes the detector's overrides", () => {
    const patient = detectAlerts(RECORDING, { shareSkew: { fireAfterMs: 3_600_000 } });
    expect(patient).toEqual([]);
  });

  it('reads any iterable, once', () => {
    function* items() {
      yield* RECORDING;
    }
    expect(detectAlerts(items())).toEqual(events);
  });
});

describe('createAlertFeed', () => {
  it('answers each item with the transitions it made, the same as over the whole', () => {
    const feed = createAlertFeed();
    const answers = RECORDING.map((item) => feed(item));
    expect(answers[0]).toEqual([]);
    expect(answers.flat()).toEqual(detectAlerts(RECORDING));
    // the firing comes with the frame that made it
    const firedAt = answers.findIndex((a) => a.some((e) => e.state === 'firing'));
    expect(answers[firedAt]![0]!.t).toBe(frame(firedAt - 1).t);
  });

  it('each feed is its own detector', () => {
    const a = createAlertFeed();
    const b = createAlertFeed();
    for (const item of RECORDING) a(item);
    expect(RECORDING.flatMap((item) => b(item))).toEqual(detectAlerts(RECORDING));
  });
});
