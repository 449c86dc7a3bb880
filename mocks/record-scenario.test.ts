import { describe, expect, it } from 'vitest';
import { parseRecording } from '../src/core/recording/recording';
import { recordScenario } from './record-scenario';
import { lbMisconfig } from './scenarios/lb-misconfig';

describe('recordScenario', () => {
  // frame 149 ends at 09:55 local, the moment of the load-balancer change
  const text = recordScenario(lbMisconfig, { frames: 3, skip: 149 });
  const { payloads, warning } = parseRecording(text);

  it('writes a recording parseRecording reads back whole', () => {
    expect(warning).toBeUndefined();
    expect(text.endsWith('\n')).toBe(true);
  });

  it('starts with a hello, then each frame after the annotations it carries', () => {
    expect(payloads.map((p) => p.type)).toEqual(['hello', 'annotation', 'frame', 'frame', 'frame']);
    expect(payloads[1]!.payload).toMatchObject({ id: 'lb-misconfig:09:55', kind: 'change' });
  });

  it('numbers frames on from the skipped ones, with their times', () => {
    const frames = payloads.flatMap((p) => (p.type === 'frame' ? [p.payload] : []));
    expect(frames.map((f) => f.seq)).toEqual([149, 150, 151]);
    expect(frames[0]!.t).toBe(Date.parse('2024-05-15T09:55:00-04:00'));
  });

  it('is the same text for the same scenario and seed', () => {
    expect(recordScenario(lbMisconfig, { frames: 3, skip: 149 })).toBe(text);
  });
});
