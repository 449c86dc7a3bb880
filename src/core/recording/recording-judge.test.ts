/**
 * A review's alerts: the detector judging the frames over the store they were unpacked into
 * (each line parsed once, most of them scanned into columns) says what it says over the same
 * recording's frames as objects.
 */
import { describe, expect, it } from 'vitest';
import { recordScenario } from '../../../mocks/record-scenario';
import { lbMisconfig } from '../../../mocks/scenarios/lb-misconfig';
import { serverDown } from '../../../mocks/scenarios/server-down';
import { twoPools } from '../../../mocks/scenarios/two-pools';
import { createDetector, detectAlerts } from '../detector';
import { parseRecording, RecordingParser } from './recording';
import { RecordingUnpacker, unpackRecording } from './recording-contents';

function judged(text: string) {
  const unpacker = new RecordingUnpacker();
  let scanned = 0;
  const parser = new RecordingParser(
    (payload) => unpacker.add(payload),
    (frame, line) => {
      scanned++;
      unpacker.addScanned(frame, line);
    },
  );
  parser.pushBytes(new TextEncoder().encode(text));
  parser.end();
  unpacker.finish();
  return { events: unpacker.judge(createDetector()), scanned };
}

describe('RecordingUnpacker.judge', () => {
  it.each([
    // from just before the 09:55 change: the skew, its latency and errors
    { scenario: lbMisconfig, skip: 140, frames: 60 },
    { scenario: serverDown, skip: 0, frames: 40 },
    { scenario: twoPools, skip: 0, frames: 40 },
  ])('$scenario.name: the transitions of the frames as objects', ({ scenario, skip, frames }) => {
    const text = recordScenario(scenario, { skip, frames });
    const { events, scanned } = judged(text);
    const { payloads } = parseRecording(text);
    const expected = detectAlerts(unpackRecording(payloads).detectorInput);
    expect(scanned).toBe(frames);
    expect(expected.length).toBeGreaterThan(0);
    expect(events).toEqual(expected);
  });
});
